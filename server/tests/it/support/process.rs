//! Running the `plaza` binary as a separate process, as an operator does.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PLAZA: &str = env!("CARGO_BIN_EXE_plaza");

/// A `plaza` command with a clean `PLAZA_*` environment on `dir`.
pub fn plaza(dir: &std::path::Path) -> Command {
    let mut command = Command::new(PLAZA);
    for (key, _) in std::env::vars() {
        if key.starts_with("PLAZA_") {
            command.env_remove(key);
        }
    }
    command
        .current_dir(dir)
        .env("PLAZA_DATA_DIR", dir.join("data"))
        .env("PLAZA_PUBLIC_URL", "http://plaza.test")
        .env("PLAZA_ADDRESS", "127.0.0.1:0");
    command
}

/// A `plaza serve` child process and its log lines.
pub struct Server {
    pub child: std::process::Child,
    pub address: String,
    pub log: std::sync::mpsc::Receiver<String>,
}

pub fn start_server(dir: &std::path::Path, extra: &[(&str, &str)]) -> Server {
    let mut command = plaza(dir);
    command
        .env("PLAZA_LOG_LEVEL", "info")
        .env("PLAZA_LOG_FORMAT", "json");
    for (k, v) in extra {
        command.env(k, v);
    }
    let mut child = command
        .arg("serve")
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn plaza");
    let stderr = child.stderr.take().expect("stderr");
    let (send, log) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = send.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        let Ok(line) = log.recv_timeout(Duration::from_millis(200)) else {
            continue;
        };
        let address = serde_json::from_str::<serde_json::Value>(&line)
            .ok()
            .and_then(|json| json["address"].as_str().map(str::to_owned));
        if let Some(address) = address {
            return Server {
                child,
                address,
                log,
            };
        }
        seen.push(line);
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("plaza did not report its address; it logged: {seen:?}");
}

pub fn signal(child: &std::process::Child, name: &str) {
    let status = Command::new("kill")
        .args(["-s", name, &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
}
