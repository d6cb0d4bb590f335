//! The one piece of state the window holds: the core application, or the reason it could not
//! start (shown in the user's language instead of a crash).
use crate::launch::Options;
use rastau_core::clock::SystemClock;
use rastau_core::scans::CancelToken;
use rastau_core::store::Store;
use rastau_core::{demo, ErrorPayload, Rastau, Result};
use std::sync::Mutex;
use tauri::Manager;

pub struct Desk(Mutex<std::result::Result<Rastau, ErrorPayload>>);

impl Desk {
    pub fn open(options: &Options) -> Desk {
        Desk(Mutex::new(start(options).map_err(|e| e.payload())))
    }

    /// Runs one core call; commands are short, so one lock at a time keeps them ordered.
    pub fn with<T>(
        &self,
        call: impl FnOnce(&mut Rastau) -> Result<T>,
    ) -> std::result::Result<T, ErrorPayload> {
        let mut guard = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let app = guard.as_mut().map_err(|e| e.clone())?;
        call(app).map_err(|e| e.payload())
    }
}

fn start(options: &Options) -> Result<Rastau> {
    let mut store = Store::open(&options.data_dir)?;
    if options.demo && rastau_core::center::load(store.read())?.is_none() {
        demo::fill(&mut store, chrono::Utc::now(), demo::Extent::Week)?;
    }
    let mut app = Rastau::new(store, Box::new(SystemClock));
    // A failed sweep must not keep the counter closed; it is tried again within the hour.
    if let Err(e) = app.start_up() {
        tracing::warn!("start-up sweep: {e}");
    }
    Ok(app)
}

/// Runs the retention sweep as the day turns while the window stays open (rule 8 does not
/// wait for a restart).
pub fn keep_retention(handle: tauri::AppHandle) {
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_secs(15 * 60));
        if let Err(e) = handle.state::<Desk>().with(Rastau::retention_if_due) {
            tracing::warn!("retention sweep: {}", e.code);
        }
    });
}

/// The scan in progress, so that the clerk can stop the feeder.
#[derive(Default)]
pub struct Scanning(Mutex<Option<CancelToken>>);

impl Scanning {
    pub fn start(&self) -> CancelToken {
        let token = CancelToken::new();
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(token.clone());
        token
    }

    pub fn finish(&self) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    pub fn cancel(&self) {
        if let Some(token) = &*self.0.lock().unwrap_or_else(|p| p.into_inner()) {
            token.cancel();
        }
    }
}
