//! The one piece of state the window holds: the core application, or the reason it could not
//! start (shown in the user's language instead of a crash).
use crate::launch::Options;
use rastau_core::clock::SystemClock;
use rastau_core::scans::CancelToken;
use rastau_core::store::Store;
use rastau_core::sweep::Sweep;
use rastau_core::{demo, Error, ErrorPayload, Rastau, Result};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tauri::Manager;

#[derive(Clone)]
pub struct Desk(Arc<Mutex<std::result::Result<Rastau, ErrorPayload>>>);

type Reply<T> = std::result::Result<T, ErrorPayload>;

impl Desk {
    pub fn open(options: &Options) -> Desk {
        Desk(Arc::new(Mutex::new(
            start(options).map_err(|e| e.payload()),
        )))
    }

    /// Runs one core call off the main thread, which only draws the window: a command that
    /// waits for the store, a file, a process or a password hash never freezes it.
    pub async fn run<T: Send + 'static>(
        &self,
        call: impl FnOnce(&mut Rastau) -> Result<T> + Send + 'static,
    ) -> Reply<T> {
        let desk = self.clone();
        off_main(move || desk.with(call)).await
    }

    /// Runs one core call on this thread, holding the store: one call at a time keeps them
    /// ordered.
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

/// Blocking work (the store, a scanner, a file) on a thread of its own.
pub async fn off_main<T: Send + 'static>(
    work: impl FnOnce() -> Reply<T> + Send + 'static,
) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())).payload())?
}

fn start(options: &Options) -> Result<Rastau> {
    let mut store = Store::open(&options.data_dir)?;
    if options.demo && rastau_core::center::load(store.read())?.is_none() {
        demo::fill(&mut store, chrono::Utc::now(), demo::Extent::Week)?;
    }
    let mut app = Rastau::new(store, Box::new(SystemClock));
    if let Some(url) = &options.ncalayer_url {
        app.set_ncalayer_url(url);
    }
    app.prepare()?;
    Ok(app)
}

/// Sweeps the store behind the open window: the start's sweep at once, then the daily one as
/// the day turns while the window stays open (rule 8 does not wait for a restart). A step at a
/// time, letting go of the store between steps so that the clerk's commands go first; a failed
/// sweep must not keep the counter closed, and is tried again within the quarter hour.
pub fn keep_sweeping(handle: tauri::AppHandle) {
    std::thread::spawn(move || {
        let desk = handle.state::<Desk>();
        let mut sweep = desk.with(|app| app.start_sweep());
        loop {
            if let Err(e) = sweep.and_then(|mut sweep| sweep_through(&desk, &mut sweep)) {
                tracing::warn!("sweep: {}", e.code);
            }
            std::thread::sleep(Duration::from_secs(15 * 60));
            sweep = desk.with(|app| app.daily_sweep());
        }
    });
}

fn sweep_through(desk: &Desk, sweep: &mut Sweep) -> std::result::Result<(), ErrorPayload> {
    while desk.with(|app| app.sweep_step(sweep))? {
        // A command waiting for the store takes it before the next step does.
        std::thread::sleep(Duration::from_millis(5));
    }
    Ok(())
}

/// Long work under way that the user can stop: the scan (the clerk stops the feeder) and the
/// backup (the supervisor chose the wrong stick). One of each at a time.
#[derive(Default)]
pub struct Running(Mutex<HashMap<Work, CancelToken>>);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Work {
    Scan,
    Backup,
}

impl Running {
    pub fn start(&self, work: Work) -> CancelToken {
        let token = CancelToken::new();
        self.tokens().insert(work, token.clone());
        token
    }

    pub fn finish(&self, work: Work) {
        self.tokens().remove(&work);
    }

    pub fn cancel(&self, work: Work) {
        if let Some(token) = self.tokens().get(&work) {
            token.cancel();
        }
    }

    fn tokens(&self) -> std::sync::MutexGuard<'_, HashMap<Work, CancelToken>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}
