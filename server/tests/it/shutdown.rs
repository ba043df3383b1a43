//! Graceful shutdown: a request that is in flight when the stop signal
//! arrives still gets its answer, and only then do the stores close.

use crate::support;

use std::time::Duration;

use support::TestApp;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[tokio::test]
async fn an_in_flight_request_finishes_before_the_server_stops() {
    let app = TestApp::spawn().await;
    let address = app.base.trim_start_matches("http://").to_owned();
    let body = "locale=fr&next=/maps";
    let mut stream = TcpStream::connect(&address).await.expect("connect");
    // Send the headers and half of the body, so the request is in flight.
    let head = format!(
        "POST /lang HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("write head");
    stream
        .write_all(&body.as_bytes()[..10])
        .await
        .expect("write half the body");
    tokio::time::sleep(Duration::from_millis(100)).await;

    let stopping = tokio::spawn(app.stop());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !stopping.is_finished(),
        "the server waits for the request in flight"
    );

    stream
        .write_all(&body.as_bytes()[10..])
        .await
        .expect("write the rest");
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .await
        .expect("read the response");
    assert!(response.starts_with("HTTP/1.1 303"), "{response}");
    assert!(
        response.to_ascii_lowercase().contains("location: /maps"),
        "{response}"
    );

    tokio::time::timeout(Duration::from_secs(10), stopping)
        .await
        .expect("the server stops once the request is answered")
        .expect("stop task");
}
