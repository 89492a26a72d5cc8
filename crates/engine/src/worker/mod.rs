//! Parsing in child processes, so that no file can take the application down.
//!
//! Parser libraries abort on some files (stack overflow, allocation failure) and spin forever
//! on others. The parent sends one file at a time to a worker process over stdin/stdout (one
//! JSON line each way), enforces the per-file timeout by killing the worker, and starts a new
//! one after any crash. The worker caps its own address space and catches cheap panics itself.
//!
//! Any binary can be the worker: it calls [`run_worker_if_asked`] first thing in `main`.

#[cfg(windows)]
mod job;

use crate::extract::Limits;
use crate::pipeline::{parse_bytes, Parsed};
use crate::{ExtractError, ParseError, WorkerFault};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Mutex;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};

/// The argument that turns a binary into a parsing worker.
pub const WORKER_ARG: &str = "--cvdeck-parse-worker";

/// Starts every answer line, so that anything a parser library prints to stdout is skipped
/// rather than taken for an answer.
const ANSWER_PREFIX: &str = "\u{1}cvdeck-answer ";

/// Address-space cap of a worker process.
pub const DEFAULT_MEMORY_LIMIT: u64 = 1024 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct Request {
    path: PathBuf,
    max_file_bytes: u64,
}

#[derive(Serialize, Deserialize)]
enum Response {
    Parsed(Box<Parsed>),
    Failed(ExtractError),
}

/// If this process was started as a worker, serves requests until stdin closes and exits.
/// Call it before anything else in `main`.
pub fn run_worker_if_asked() {
    if std::env::args().nth(1).as_deref() == Some(WORKER_ARG) {
        let memory = std::env::args()
            .nth(2)
            .and_then(|m| m.parse().ok())
            .unwrap_or(DEFAULT_MEMORY_LIMIT);
        let code = match serve(memory) {
            Ok(()) => 0,
            Err(_) => 1,
        };
        std::process::exit(code);
    }
}

fn serve(memory_limit: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        // Beyond this an allocation fails and the worker dies, not the machine.
        let _ = rlimit::Resource::AS.set(memory_limit, memory_limit);
    }
    // On Windows the pool's Job Object holds the limit (see `job`).
    #[cfg(not(unix))]
    let _ = memory_limit;
    // Panics are answered as failures; their default report would only fill the log.
    std::panic::set_hook(Box::new(|_| {}));
    exit_when_orphaned();
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    let mut line = String::new();
    loop {
        line.clear();
        if std::io::BufRead::read_line(&mut stdin.lock(), &mut line)? == 0 {
            return Ok(());
        }
        let response = match serde_json::from_str::<Request>(&line) {
            Ok(request) => handle(request),
            Err(e) => Response::Failed(ExtractError::Io(format!("bad worker request: {e}"))),
        };
        let json = serde_json::to_string(&response).unwrap_or_else(|e| {
            serde_json::to_string(&Response::Failed(ExtractError::Io(e.to_string())))
                .unwrap_or_default()
        });
        std::io::Write::write_all(&mut stdout, ANSWER_PREFIX.as_bytes())?;
        std::io::Write::write_all(&mut stdout, json.as_bytes())?;
        std::io::Write::write_all(&mut stdout, b"\n")?;
        std::io::Write::flush(&mut stdout)?;
    }
}

/// A worker whose parent died (the app or CLI was killed) stops at once, even in the middle
/// of a parse that would never end; its OCR tools die with it (see `extract::ocr`).
#[cfg(unix)]
fn exit_when_orphaned() {
    let parent = std::os::unix::process::parent_id();
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_millis(250));
        if std::os::unix::process::parent_id() != parent {
            std::process::exit(3);
        }
    });
}

/// On Windows the pool's Job Object kills its workers when their parent goes (see `job`).
#[cfg(not(unix))]
fn exit_when_orphaned() {}

fn handle(request: Request) -> Response {
    let limits = Limits {
        max_file_bytes: request.max_file_bytes,
        ..Limits::default()
    };
    // Deeply nested documents recurse deeply: give the parser a big stack of its own.
    let parsed = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            let bytes = crate::extract::read_limited(&request.path, &limits)?;
            parse_bytes(&bytes, &limits)
        })
        .map_err(|e| ExtractError::Io(e.to_string()))
        .and_then(|thread| {
            thread
                .join()
                .unwrap_or_else(|_| Err(ExtractError::Panicked("parser thread panicked".into())))
        });
    match parsed {
        Ok(p) => Response::Parsed(Box::new(p)),
        Err(e) => Response::Failed(e),
    }
}

/// How to start a worker: a program and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerCommand {
    /// The executable (usually the running one).
    pub program: PathBuf,
    /// Address-space cap for each worker, in bytes.
    pub memory_limit: u64,
}

impl WorkerCommand {
    /// The running executable as the worker (it must call [`run_worker_if_asked`]).
    pub fn current_exe() -> std::io::Result<WorkerCommand> {
        Ok(WorkerCommand {
            program: std::env::current_exe()?,
            memory_limit: DEFAULT_MEMORY_LIMIT,
        })
    }
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

/// Idle workers, reused across files; a worker that misbehaved is never put back.
pub(crate) struct WorkerPool {
    command: WorkerCommand,
    idle: Mutex<Vec<Worker>>,
    /// Where the workers' memory limit and clean-up come from on Windows.
    #[cfg(windows)]
    job: Option<job::Job>,
}

impl WorkerPool {
    pub(crate) fn new(command: WorkerCommand) -> WorkerPool {
        WorkerPool {
            #[cfg(windows)]
            job: job::Job::new(command.memory_limit)
                .map_err(|e| tracing::warn!("parser processes run without a Job Object: {e}"))
                .ok(),
            command,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Puts a new worker into the pool's Job Object (see `job`). Without it the worker still
    /// parses, only without a memory cap, so a failure is logged rather than failing the file.
    #[cfg(windows)]
    fn contain(&self, child: &Child) {
        if let (Some(job), Some(handle)) = (&self.job, child.raw_handle()) {
            if let Err(e) = job.assign(handle) {
                tracing::warn!("a parser process runs outside the Job Object: {e}");
            }
        }
    }

    fn spawn(&self) -> Result<Worker, WorkerFault> {
        let mut child = Command::new(&self.command.program)
            .arg(WORKER_ARG)
            .arg(self.command.memory_limit.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| WorkerFault::Unavailable(e.to_string()))?;
        #[cfg(windows)]
        self.contain(&child);
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| WorkerFault::Unavailable("it has no stdin".into()))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| WorkerFault::Unavailable("it has no stdout".into()))?;
        Ok(Worker {
            child,
            stdin,
            stdout: BufReader::new(stdout),
        })
    }

    /// Parses `path` in a worker, within `timeout`.
    pub(crate) async fn parse(
        &self,
        path: &Path,
        limits: &Limits,
        timeout: Duration,
    ) -> Result<Parsed, ParseError> {
        let reused = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let mut worker = match reused {
            Some(w) => w,
            None => self.spawn()?,
        };
        let request = serde_json::to_string(&Request {
            path: path.to_owned(),
            max_file_bytes: limits.max_file_bytes,
        })
        .map_err(|e| WorkerFault::Unavailable(e.to_string()))?;
        let exchange = async {
            worker.stdin.write_all(request.as_bytes()).await?;
            worker.stdin.write_all(b"\n").await?;
            worker.stdin.flush().await?;
            let mut line = String::new();
            loop {
                line.clear();
                if worker.stdout.read_line(&mut line).await? == 0 {
                    return std::io::Result::Ok(None);
                }
                if let Some(answer) = line.strip_prefix(ANSWER_PREFIX) {
                    return Ok(Some(answer.to_owned()));
                }
            }
        };
        match tokio::time::timeout(timeout, exchange).await {
            Err(_) => {
                let _ = worker.child.kill().await;
                Err(WorkerFault::Timeout(timeout.as_secs().max(1)).into())
            }
            Ok(Ok(Some(answer))) => match serde_json::from_str::<Response>(&answer) {
                Ok(response) => {
                    self.idle
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push(worker);
                    match response {
                        Response::Parsed(p) => Ok(*p),
                        Response::Failed(e) => Err(e.into()),
                    }
                }
                // A worker that garbles an answer is not trusted with another file.
                Err(e) => {
                    tracing::warn!("a parser process sent an unreadable answer: {e}");
                    let _ = worker.child.kill().await;
                    Err(WorkerFault::GarbledAnswer.into())
                }
            },
            // The worker died on this file: say how, and let the next file start a new one.
            Ok(_) => {
                let status = worker.child.wait().await.ok();
                Err(crashed(status).into())
            }
        }
    }
}

fn crashed(status: Option<std::process::ExitStatus>) -> WorkerFault {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        match status.and_then(|s| s.signal()) {
            // SIGABRT after a failed allocation, SIGSEGV on a stack overflow.
            Some(6) => {
                return WorkerFault::Crashed("the parser ran out of memory or aborted".into())
            }
            Some(11) => return WorkerFault::Crashed("the parser overflowed its stack".into()),
            Some(9) => return WorkerFault::Crashed("the parser was killed".into()),
            _ => {}
        }
    }
    WorkerFault::Crashed(match status {
        Some(s) => format!("the parser process exited ({s})"),
        None => "the parser process stopped answering".to_owned(),
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// A stand-in worker: a shell script that answers as told.
    fn script_worker(dir: &Path, body: &str) -> WorkerPool {
        let path = dir.join("worker.sh");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        WorkerPool::new(WorkerCommand {
            program: path,
            memory_limit: DEFAULT_MEMORY_LIMIT,
        })
    }

    #[tokio::test]
    async fn lines_a_library_prints_are_not_taken_for_the_answer() {
        let dir = tempfile::tempdir().unwrap();
        let pool = script_worker(
            dir.path(),
            r#"read request; echo 'noise from a parser library'; printf '\001cvdeck-answer {"Failed":{"Io":"from the worker"}}\n'"#,
        );
        let got = pool
            .parse(
                Path::new("/x.pdf"),
                &Limits::default(),
                Duration::from_secs(5),
            )
            .await;
        assert_eq!(
            got,
            Err(ParseError::File(ExtractError::Io("from the worker".into())))
        );
    }

    #[tokio::test]
    async fn bad_worker_answer_is_a_worker_fault_not_cannot_read_file() {
        let dir = tempfile::tempdir().unwrap();
        let pool = script_worker(
            dir.path(),
            r#"read request; printf '\001cvdeck-answer {"Parsed":'; echo; sleep 30"#,
        );
        let started = std::time::Instant::now();
        let got = pool
            .parse(
                Path::new("/x.pdf"),
                &Limits::default(),
                Duration::from_secs(10),
            )
            .await;
        assert_eq!(got, Err(ParseError::Worker(WorkerFault::GarbledAnswer)));
        // The worker that garbled it is stopped, not kept for the next file.
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(pool.idle.lock().unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_worker_that_dies_is_reported_and_one_that_hangs_is_stopped() {
        let dir = tempfile::tempdir().unwrap();
        let dying = script_worker(dir.path(), "read request; kill -SEGV $$");
        let got = dying
            .parse(
                Path::new("/x.pdf"),
                &Limits::default(),
                Duration::from_secs(5),
            )
            .await;
        assert_eq!(
            got,
            Err(ParseError::Worker(WorkerFault::Crashed(
                "the parser overflowed its stack".into()
            )))
        );

        let other = tempfile::tempdir().unwrap();
        let hanging = script_worker(other.path(), "read request; sleep 30");
        let started = std::time::Instant::now();
        let got = hanging
            .parse(
                Path::new("/x.pdf"),
                &Limits::default(),
                Duration::from_secs(1),
            )
            .await;
        assert_eq!(got, Err(ParseError::Worker(WorkerFault::Timeout(1))));
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}
