//! The tests' NCALayer stand-in as a program of its own, for the end-to-end tests of the
//! window: `ncalayer_stand_in --port <port> --key <clerk.p12> --password <its password>`
//! listens on `wss://127.0.0.1:<port>` and signs every request with that key, as NCALayer does
//! once the clerk chose it and typed the PIN; it prints `ready <url>` once it listens and stops
//! when its standard input closes or it is killed.
//!
//! An example rather than a command of `rastau`: it answers with a made-up TLS certificate and
//! any key it is given, so it belongs to no installed program; it is the same
//! [`rastau_sign::test_ncalayer::StandIn`] the Rust tests script. Build it with
//! `cargo build -p rastau-sign --features test-pki --example ncalayer_stand_in`.
use openssl::pkcs12::Pkcs12;
use openssl::stack::Stack;
use rastau_sign::test_ncalayer::{Answer, StandIn};
use rastau_sign::test_pki::PASSWORD;
use std::io::{Read, Write};

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut port, mut key, mut password) = (None, None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => port = args.next().and_then(|p| p.parse::<u16>().ok()),
            "--key" => key = args.next(),
            "--password" => password = args.next(),
            other => panic!("unknown argument {other}"),
        }
    }
    let (Some(port), Some(key), Some(password)) = (port, key, password) else {
        panic!("usage: ncalayer_stand_in --port <port> --key <file.p12> --password <password>");
    };
    let der = std::fs::read(&key).expect("the key file");
    let stand_in = StandIn::start_on(port, vec![Answer::SignWith(repacked(&der, &password))]);
    println!("ready {}", stand_in.url());
    std::io::stdout().flush().unwrap();
    // Until whoever started it closes its standard input (or kills it).
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
}

/// The key file under the test PKI's password, which the stand-in opens its keys with.
fn repacked(der: &[u8], password: &str) -> Vec<u8> {
    let parsed = Pkcs12::from_der(der)
        .and_then(|p| p.parse2(password))
        .expect("the key file opens with the password given");
    let mut chain = Stack::new().unwrap();
    for ca in parsed.ca.into_iter().flatten() {
        chain.push(ca).unwrap();
    }
    let mut builder = Pkcs12::builder();
    builder.pkey(parsed.pkey.as_ref().expect("a private key"));
    builder.cert(parsed.cert.as_ref().expect("a certificate"));
    builder.ca(chain);
    builder.build2(PASSWORD).unwrap().to_der().unwrap()
}
