//! What reading a hostile input allocates, for the tests that feed parsers arbitrary bytes: a
//! limit is only proven when the memory it promises to protect is measured. A test binary
//! installs [`Meter`] as its global allocator and wraps each case in [`peak_during`]. Built
//! with the feature `test-support`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, Once};

/// The system allocator, counting the bytes held and the most held at once.
pub struct Meter;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// One measurement at a time: tests of one binary run on parallel threads.
static MEASURING: Mutex<()> = Mutex::new(());

fn held(more: usize) {
    let now = HELD.fetch_add(more, Ordering::Relaxed) + more;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on unchanged to the system allocator; only counters are kept
// beside it.
unsafe impl GlobalAlloc for Meter {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            held(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            held(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            HELD.fetch_sub(layout.size(), Ordering::Relaxed);
            held(new_size);
        }
        new
    }
}

/// Holds measurements of other tests off until dropped. Also quiets panics on the parser's
/// thread: lopdf panics on some hostile files, which the loader turns into an error; with
/// `RUST_BACKTRACE` set, printing each would allocate tens of megabytes to symbolise the
/// backtrace, swamping both the measurement and the output.
pub fn exclusive() -> MutexGuard<'static, ()> {
    static QUIET: Once = Once::new();
    QUIET.call_once(|| {
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(crate::PARSER_THREAD) {
                report(info);
            }
        }));
    });
    MEASURING.lock().unwrap_or_else(|p| p.into_inner())
}

/// Runs `f` and gives its result and the most bytes held at once beyond what was held when it
/// started (only meaningful with [`Meter`] installed and under [`exclusive`]).
pub fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let start = HELD.load(Ordering::Relaxed);
    PEAK.store(start, Ordering::Relaxed);
    let result = f();
    (result, PEAK.load(Ordering::Relaxed).saturating_sub(start))
}
