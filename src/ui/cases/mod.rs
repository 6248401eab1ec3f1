//! The case tracker screens: the list with filters, one case, the due-soon panel and the statistics.

mod case_header;
mod detail;
mod due_soon;
mod evidence;
mod list;
mod list_filters;
mod losses;
mod money;
mod section;
mod stage_form;
mod stats;
mod status_form;
mod timeline;

pub use detail::CaseDetail;
pub use due_soon::DueSoon;
pub use list::CaseList;
pub use losses::{loss_rows_for_letter, loss_table_for_docx};
pub use stats::{Stats, StatsSummary};

use crate::domain::Case;
use crate::i18n::{tr, Key, Lang};

/// "Wildberries · 12345" — how a case is named in lists and headings.
pub(crate) fn case_name(case: &Case, lang: Lang) -> String {
    let order = if case.order_number.is_empty() {
        tr(lang, Key::CaseNoOrderNumber).to_string()
    } else {
        case.order_number.clone()
    };
    format!("{} · {order}", tr(lang, case.marketplace.key()))
}
