//! Signing a certified copy: our detached CAdES against an `openssl cms -sign` process on the
//! same file and the same key, measured side by side (issue: "no slower than openssl").
use criterion::{criterion_group, criterion_main, Criterion};
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{Pkcs12Signer, Signer};
use std::process::Command;

/// About the size of a 10-page A4 300-dpi certified copy.
const COPY_BYTES: usize = 6 * 1024 * 1024;

fn copy_like_bytes() -> Vec<u8> {
    // Deterministic, incompressible-looking content.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    (0..COPY_BYTES)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let pki = TestPki::new();
    let p12 = pki.clerk("900101300007", ClerkOptions::default());
    let signer = Pkcs12Signer::open(&p12, PASSWORD).expect("test key opens");
    let data = copy_like_bytes();

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("copy.pdf");
    std::fs::write(&file, &data).unwrap();
    let p12_path = TestPki::write_p12(dir.path(), "clerk.p12", &p12).unwrap();
    let pem = dir.path().join("clerk.pem");
    let exported = Command::new("openssl")
        .args(["pkcs12", "-nodes", "-passin", &format!("pass:{PASSWORD}")])
        .arg("-in")
        .arg(&p12_path)
        .arg("-out")
        .arg(&pem)
        .status()
        .expect("openssl (Debian package openssl) runs");
    assert!(exported.success(), "openssl could not read the test key");

    let mut group = c.benchmark_group("sign_6mb_copy");
    group.sample_size(20);
    group.bench_function("rastau_cades_detached", |b| {
        b.iter(|| signer.sign_detached(&data, chrono::Utc::now()).unwrap())
    });
    let out = dir.path().join("copy.p7s");
    group.bench_function("openssl_cms_sign_process", |b| {
        b.iter(|| {
            let status = Command::new("openssl")
                .args([
                    "cms", "-sign", "-binary", "-cades", "-md", "sha256", "-outform", "DER",
                ])
                .arg("-in")
                .arg(&file)
                .arg("-signer")
                .arg(&pem)
                .arg("-out")
                .arg(&out)
                .status()
                .unwrap();
            assert!(status.success());
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
