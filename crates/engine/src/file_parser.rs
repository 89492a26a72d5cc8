//! One file at a time, under the import's rules: read with the size cap, parsed in a worker
//! process (or, without one, on a blocking thread), stopped at the timeout. The queue and
//! `cvdeck-cli parse` both go through here, so no command runs parser libraries unguarded.

use crate::extract::read_limited;
use crate::extract::Limits;
use crate::pipeline::{parse_bytes, Parsed};
use crate::worker::{WorkerCommand, WorkerPool};
use crate::{ExtractError, ParseError, WorkerFault};
use std::path::Path;
use std::time::Duration;

/// Parses files with a size cap and a timeout, in worker processes when given a command.
pub struct FileParser {
    workers: Option<WorkerPool>,
    limits: Limits,
    timeout: Duration,
}

impl FileParser {
    /// A parser with these limits; `worker` None parses in this process (libraries and
    /// tests: a hostile file can then hang a thread or abort the process).
    pub fn new(worker: Option<WorkerCommand>, limits: Limits, timeout: Duration) -> FileParser {
        FileParser {
            workers: worker.map(WorkerPool::new),
            limits,
            timeout,
        }
    }

    /// Reads and parses the file at `path`.
    pub async fn parse(&self, path: &Path) -> Result<Parsed, ParseError> {
        if let Some(pool) = &self.workers {
            return pool.parse(path, &self.limits, self.timeout).await;
        }
        let (path, limits) = (path.to_owned(), self.limits);
        let parse = tokio::task::spawn_blocking(move || {
            let bytes = read_limited(&path, &limits)?;
            parse_bytes(&bytes, &limits)
        });
        match tokio::time::timeout(self.timeout, parse).await {
            Ok(Ok(result)) => Ok(result?),
            Ok(Err(join)) => Err(ExtractError::Panicked(join.to_string()).into()),
            Err(_) => Err(WorkerFault::Timeout(self.timeout.as_secs().max(1)).into()),
        }
    }
}
