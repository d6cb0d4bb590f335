//! Rendering the notice of refusal (Annex 2) as at the counter: one page in Russian, one
//! document refused on two grounds with the clerk's justification, from facts to PDF bytes
//! (the messages loaded, the page laid out, the fonts subset, the QR code drawn). The same
//! notice as `libreoffice-baseline.sh` converts.
#[path = "../tests/common/mod.rs"]
mod common;

use common::notice::Notice;
use criterion::{criterion_group, criterion_main, Criterion};
use rastau_core::forms::notice_pdf;
use rastau_core::refusal::{Ground, NoticeLanguages};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let notice = Notice::new(&[Ground::NotPresented, Ground::Defects]);
    let facts = notice.facts();
    let pdf = notice_pdf(&facts, NoticeLanguages::Ru).unwrap();
    println!(
        "notice_pdf (ru, 1 document, 2 grounds): {} bytes",
        pdf.len()
    );
    c.bench_function("notice_pdf_ru_one_document_two_grounds", |b| {
        b.iter(|| notice_pdf(black_box(&facts), NoticeLanguages::Ru).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
