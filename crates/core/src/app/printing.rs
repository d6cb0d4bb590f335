//! Printing from the desk: the center's chosen print queue and the PDFs sent to it. The queue
//! is a center-wide setting, chosen by a supervisor, because the printer stands in the hall,
//! not on one clerk's account.
use super::Rastau;
use crate::account::Account;
use crate::audit::{Action, Event, Record};
use crate::error::{Error, Result};
use crate::setting;
use chrono::{DateTime, Utc};
use rastau_print::Cups;
pub use rastau_print::{JobId, PrinterInfo};
use rusqlite::Transaction;

impl Rastau {
    /// The print queues of this machine with their state, for the printer settings.
    pub fn printers(&mut self) -> Result<Vec<PrinterInfo>> {
        self.actor()?;
        Ok(Cups::local().printers()?)
    }

    /// The queue documents are printed on, if one has been chosen.
    pub fn chosen_printer(&mut self) -> Result<Option<String>> {
        self.actor()?;
        setting::get(self.store.read(), setting::PRINTER)
    }

    /// Chooses the queue documents are printed on. Only a queue that exists is accepted, so a
    /// typing slip is caught now rather than at the counter.
    pub fn set_printer(&mut self, name: &str) -> Result<PrinterInfo> {
        let me = self.supervisor()?;
        let printer = Cups::local().printer(name)?;
        self.audited(
            |_| Event::by(&me, Action::PrinterChosen).detail(&printer.name),
            |tx| setting::set(tx, setting::PRINTER, &printer.name),
        )?;
        Ok(printer)
    }

    /// Prints a PDF on the chosen queue under the job title `title` (the journal number and
    /// document, so the clerk recognises the sheet in the printer's tray).
    pub fn print_pdf(&mut self, pdf: &[u8], title: &str) -> Result<JobId> {
        self.print_counted(pdf, title, None, |_, _, _| Ok(()))
    }

    /// [`Rastau::print_pdf`], then `count` records the copy handed out, in the transaction of
    /// the print's audit entry about `record`.
    pub(super) fn print_counted(
        &mut self,
        pdf: &[u8],
        title: &str,
        record: Option<Record>,
        count: impl FnOnce(&Transaction, &Account, DateTime<Utc>) -> Result<()>,
    ) -> Result<JobId> {
        let actor = self.actor()?;
        let printer =
            setting::get(self.store.read(), setting::PRINTER)?.ok_or(Error::NoPrinterChosen)?;
        let job = Cups::local().print_pdf(&printer, pdf, title)?;
        let now = self.now();
        self.store.write(|tx| {
            count(tx, &actor, now)?;
            let event =
                Event::by(&actor, Action::Printed).detail(format!("{title} {printer}#{job}"));
            match record {
                Some(record) => event.on(record),
                None => event,
            }
            .append(tx, now)
        })?;
        Ok(job)
    }
}
