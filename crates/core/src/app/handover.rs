//! Handing certified copies over on electronic media (rule 7, stage 3): the hand-over recorded
//! before the first file is written, the files written and read back, the record closed as done
//! or failed. What is written, and how, is the handover module's.
use super::Rastau;
use crate::audit::{Action, Event, Record};
use crate::error::{Coded, Result};
use crate::handover::records::Chosen;
use crate::handover::write::{self, display_name, OutFile};
use crate::handover::{self, media, names, records, Disk, ExportReport, Medium};
use crate::visit;
use std::path::{Path, PathBuf};

impl Rastau {
    /// Writes the copies `copy_ids` of the applicant of `visit_id` (the visit at the counter)
    /// into a new folder inside `dest`, numbered in [`records::handover_order`] whatever order
    /// they were chosen in, checks every file by reading it back, and records the hand-over.
    pub fn export_copies(
        &mut self,
        visit_id: i64,
        copy_ids: &[i64],
        dest: &Path,
    ) -> Result<ExportReport> {
        self.export_copies_to(&Disk, visit_id, copy_ids, dest)
    }

    /// [`Rastau::export_copies`] on a medium of the caller's choice.
    pub fn export_copies_to(
        &mut self,
        medium: &dyn Medium,
        visit_id: i64,
        copy_ids: &[i64],
        dest: &Path,
    ) -> Result<ExportReport> {
        let chosen = Chosen {
            copies: copy_ids,
            fetched: &[],
        };
        self.hand_over(medium, visit_id, chosen, dest)
    }

    /// Writes the copies `chosen`, certified here and fetched from the shared store for this
    /// visit (rule 8), as [`Rastau::export_copies`] does.
    pub fn hand_over(
        &mut self,
        medium: &dyn Medium,
        visit_id: i64,
        chosen: Chosen,
        dest: &Path,
    ) -> Result<ExportReport> {
        let clerk = self.actor()?;
        let now = self.now();
        let copies = records::outgoing(self.store.read(), &clerk, visit_id, chosen, now)?;
        let files = handover::contents(&self.store.files(), &copies, now)?;
        // Named after the visit at the counter, whichever visits the copies come from.
        let number = visit::view(self.store.read(), visit_id)?.number;
        let name = names::folder_name(&number, now);
        let folder = names::create_folder(medium, dest, &name)
            .map_err(|e| handover::destination_error(dest, e))?;
        let folder_name = display_name(&folder);
        let ids: Vec<String> = (chosen.copies.iter().map(i64::to_string))
            .chain(chosen.fetched.iter().map(|id| format!("f{id}")))
            .collect();
        let detail = format!("{folder_name}: {}", ids.join(","));
        let started = self.audited(
            |id| {
                Event::by(&clerk, Action::HandoverStarted)
                    .on(Record::Handover(*id))
                    .detail(&detail)
            },
            |tx| records::start(tx, visit_id, chosen, &folder_name, clerk.id, now),
        );
        let handover = match started {
            Ok(id) => id,
            Err(e) => {
                write::clean_up(medium, &folder, &[]);
                return Err(e);
            }
        };
        if let Err(e) = write::write_and_check(medium, dest, &folder, &files) {
            write::clean_up(medium, &folder, &files);
            self.audited(
                |_| {
                    Event::by(&clerk, Action::HandoverFailed)
                        .on(Record::Handover(handover))
                        .detail(format!("{detail} — {}", e.code()))
                },
                |tx| records::failed(tx, handover, e.code()),
            )?;
            return Err(e);
        }
        self.audited(
            |_| {
                Event::by(&clerk, Action::HandedOver)
                    .on(Record::Handover(handover))
                    .detail(&detail)
            },
            |tx| records::done(tx, handover),
        )?;
        Ok(ExportReport {
            folder: folder.to_string_lossy().into_owned(),
            files: files.iter().map(OutFile::entry).collect(),
        })
    }

    /// Mounted USB sticks, to offer as destinations.
    pub fn removable_media(&mut self) -> Result<Vec<PathBuf>> {
        self.actor()?;
        Ok(media::removable(&std::fs::read_to_string("/proc/mounts")?))
    }
}
