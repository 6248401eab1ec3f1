//! A business's name as its country writes it: in Russia the legal form comes first and the name stands in
//! quotation marks (ООО «Северный Ветер»), an individual entrepreneur is "ИП" and the person's name without
//! quotes; in Poland and most other countries the form follows the name (Nowak Trade sp. z o.o., Müller GmbH).

use super::profile::Jurisdiction;

/// The forms an individual entrepreneur writes before their name in Russia (compared in lower case).
const RU_ENTREPRENEUR: [&str; 2] = ["ип", "индивидуальный предприниматель"];

/// Forms a Polish sole trader may type, which the business's name never shows (compared in lower case).
const PL_SOLE_TRADER: [&str; 2] = ["jdg", "jednoosobowa działalność gospodarcza"];

/// Whether a Russian legal form is that of an individual entrepreneur.
pub fn is_entrepreneur_form(form: &str) -> bool {
    let form = form.trim().trim_end_matches('.').to_lowercase();
    RU_ENTREPRENEUR.contains(&form.as_str())
}

/// The name with its legal form placed by the country's convention. A name that already carries its form (the
/// seller typed «ООО «Ромашка»» in the name) is kept as typed.
pub fn formatted_name(country: Jurisdiction, form: Option<&str>, name: &str) -> String {
    let name = name.trim();
    let Some(form) = form.map(str::trim).filter(|f| !f.is_empty()) else {
        return name.to_string();
    };
    if carries_form(name, form) {
        return name.to_string();
    }
    match country {
        Jurisdiction::Ru if is_entrepreneur_form(form) => format!("{form} {name}"),
        Jurisdiction::Ru => format!("{form} {}", quoted(name)),
        Jurisdiction::Pl if PL_SOLE_TRADER.contains(&form.to_lowercase().as_str()) => name.to_string(),
        Jurisdiction::Pl | Jurisdiction::Other => format!("{name} {form}"),
    }
}

/// Whether `name` already starts or ends with `form` as a word of its own.
fn carries_form(name: &str, form: &str) -> bool {
    let (name, form) = (name.to_lowercase(), form.to_lowercase());
    let starts = name.strip_prefix(&form).is_some_and(|rest| rest.starts_with(' '));
    let ends = name.strip_suffix(&form).is_some_and(|rest| rest.ends_with(' '));
    starts || ends
}

/// The name in Russian quotation marks: «Ромашка». A name already in quotes keeps them (straight ones become
/// «»); quotes inside the name are its own («Дом «Мечта»»).
fn quoted(name: &str) -> String {
    if name.starts_with('«') {
        return name.to_string();
    }
    let inner = name
        .strip_prefix('"')
        .and_then(|n| n.strip_suffix('"'))
        .or_else(|| name.strip_prefix('„').and_then(|n| n.strip_suffix('"').or_else(|| n.strip_suffix('“'))))
        .unwrap_or(name);
    format!("«{inner}»")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_not_doubled() {
        assert_eq!(quoted("«Ромашка»"), "«Ромашка»");
        assert_eq!(quoted("\"Ромашка\""), "«Ромашка»");
        assert_eq!(quoted("„Ромашка“"), "«Ромашка»");
        assert_eq!(quoted("Дом «Мечта»"), "«Дом «Мечта»»");
    }
}
