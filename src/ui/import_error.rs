//! An import error as the seller reads it, in their language: the codec's typed error, never its English
//! `Display` text.

use crate::codec::backup::{ImportError, Shape};
use crate::codec::schema::RecordFault;
use crate::i18n::{fill, tr, Key, Lang};

pub fn import_error_text(lang: Lang, e: &ImportError) -> String {
    let with_detail = |key: Key, detail: String| fill(tr(lang, key), &[("detail", &detail)]);
    match e {
        ImportError::TooLarge { limit, .. } => {
            fill(tr(lang, Key::ImportTooLarge), &[("mb", &(limit / (1024 * 1024)).to_string())])
        }
        ImportError::Empty => tr(lang, Key::ImportEmpty).into(),
        ImportError::NotText | ImportError::NotJson => tr(lang, Key::ImportNotJson).into(),
        ImportError::Truncated => tr(lang, Key::ImportTruncated).into(),
        ImportError::BrokenJson { line, column } => {
            fill(tr(lang, Key::ImportBrokenJson), &[("line", &line.to_string()), ("column", &column.to_string())])
        }
        ImportError::TooDeep => with_detail(Key::ImportWrongShape, tr(lang, Key::ImportDetailTooDeep).into()),
        ImportError::WrongShape(shape) => with_detail(Key::ImportWrongShape, shape_text(lang, shape)),
        ImportError::TooManyCases { count, limit } => {
            let detail = fill(
                tr(lang, Key::ImportDetailTooMany),
                &[("count", &count.to_string()), ("limit", &limit.to_string())],
            );
            with_detail(Key::ImportWrongShape, detail)
        }
        ImportError::NotClaimdesk => tr(lang, Key::ImportNotClaimdesk).into(),
        ImportError::NewerSchema { .. } => tr(lang, Key::ImportNewerSchema).into(),
        ImportError::BadCase { index, id, problem } => {
            let which = fill(
                tr(lang, Key::ImportDetailCase),
                &[("n", &(index + 1).to_string()), ("id", id.as_deref().unwrap_or("—"))],
            );
            with_detail(Key::ImportBadCase, format!("{which}: {}", fault_text(lang, problem)))
        }
        ImportError::DuplicateId(id) => {
            with_detail(Key::ImportBadCase, fill(tr(lang, Key::ImportDetailDuplicate), &[("id", id)]))
        }
    }
}

fn shape_text(lang: Lang, shape: &Shape) -> String {
    match shape {
        Shape::SchemaNotANumber => tr(lang, Key::ImportDetailSchema).into(),
        Shape::ExportedAtNotATime => tr(lang, Key::ImportDetailExportedAt).into(),
        Shape::CasesNotAList => tr(lang, Key::ImportDetailCasesList).into(),
        Shape::Profiles => tr(lang, Key::ImportDetailProfiles).into(),
        Shape::Upgrade { from, .. } => fill(tr(lang, Key::ImportDetailUpgrade), &[("from", &from.to_string())]),
        Shape::Payload(_) => tr(lang, Key::ImportDetailPayload).into(),
    }
}

fn fault_text(lang: Lang, fault: &RecordFault) -> String {
    match fault {
        RecordFault::NotObject => tr(lang, Key::ImportDetailNotObject).into(),
        RecordFault::Unreadable(_) => tr(lang, Key::ImportDetailUnreadable).into(),
        // The field is named as stored (`timeline[3].text`): the same in every language.
        RecordFault::Invalid(problem) => format!("{}: {}", problem.field, tr(lang, problem.problem.key())),
        RecordFault::BadDeletedId => tr(lang, Key::ImportDetailBadDeletedId).into(),
    }
}

/// Why a business profile was not saved, in words.
pub fn profile_error_text(lang: Lang, problem: crate::domain::ProfileError) -> String {
    use crate::domain::ProfileError;
    match problem {
        ProfileError::BadId => tr(lang, Key::ProfileErrorBadId).to_string(),
        ProfileError::TooMany => tr(lang, Key::ProfileErrorTooMany).to_string(),
        ProfileError::TooLong(field) => fill(tr(lang, Key::ProfileErrorTooLong), &[("field", tr(lang, field.key()))]),
        ProfileError::BasisTooLong => {
            fill(tr(lang, Key::ProfileErrorTooLong), &[("field", tr(lang, Key::ProfileSignatoryBasis))])
        }
        ProfileError::Invalid(field, problem) => field_problem_text(lang, field, problem),
    }
}

/// "ИНН: не сходится контрольная цифра…": which field, and what is wrong with its number.
pub fn field_problem_text(lang: Lang, field: crate::domain::ProfileField, problem: crate::domain::IdError) -> String {
    use crate::domain::IdError;
    let problem = match problem {
        IdError::Length { expected, found } => {
            let or = format!(" {} ", tr(lang, Key::ProfileErrorOr));
            let expected = expected.iter().map(usize::to_string).collect::<Vec<_>>().join(&or);
            fill(tr(lang, Key::ProfileErrorLength), &[("expected", &expected), ("found", &found.to_string())])
        }
        IdError::NotDigits => tr(lang, Key::ProfileErrorNotDigits).to_string(),
        IdError::Format => tr(lang, Key::ProfileErrorFormat).to_string(),
        IdError::CheckDigit => tr(lang, Key::ProfileErrorCheckDigit).to_string(),
        IdError::BikNotRussian => tr(lang, Key::ProfileErrorBikNotRussian).to_string(),
        IdError::AccountKey => tr(lang, Key::ProfileErrorAccountKey).to_string(),
        IdError::UnknownCountry => tr(lang, Key::ProfileErrorUnknownCountry).to_string(),
    };
    fill(tr(lang, Key::ProfileErrorField), &[("field", tr(lang, field.key())), ("problem", &problem)])
}
