//! Reading a print queue out of the IPP attributes CUPS sends back.
use crate::printer::{PrinterInfo, PrinterState};
use ipp::attribute::IppAttributeGroup;
use ipp::model::PrinterState as IppState;
use ipp::value::IppValue;

/// The queue described by one printer-attributes group; `None` if it has no name.
pub(crate) fn printer_info(
    group: &IppAttributeGroup,
    default: Option<&str>,
) -> Option<PrinterInfo> {
    let name = text(group, "printer-name")?;
    let state = match group.get("printer-state").and_then(|a| a.value().as_enum()) {
        Some(s) if *s == IppState::Processing as i32 => PrinterState::Printing,
        Some(s) if *s == IppState::Stopped as i32 => PrinterState::Stopped,
        _ => PrinterState::Idle,
    };
    let accepting = group
        .get("printer-is-accepting-jobs")
        .and_then(|a| a.value().as_boolean().copied())
        // A printer that does not say is taken at its word when the job is sent.
        .unwrap_or(true);
    Some(PrinterInfo {
        is_default: default == Some(name.as_str()),
        description: text(group, "printer-info").unwrap_or_default(),
        name,
        state,
        accepting,
    })
}

/// The text of a name or text attribute.
pub(crate) fn text(group: &IppAttributeGroup, name: &str) -> Option<String> {
    let value: &str = match group.get(name)?.value() {
        IppValue::NameWithoutLanguage(s) => s.as_ref(),
        IppValue::NameWithLanguage { name, .. } => name.as_ref(),
        IppValue::TextWithoutLanguage(s) => s.as_ref(),
        IppValue::TextWithLanguage { text, .. } => text.as_ref(),
        _ => return None,
    };
    Some(value.to_owned())
}
