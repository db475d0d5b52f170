//! The facts a guest harness streams to the host, and their aggregation per
//! handler and per placeholder site. Every guest language emits this format.

mod stream;

use crate::report::{ExceptionInfo, ValueInfo};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One line the guest emitted. Tests parse strictly (an unknown field is an
/// error), so that a field a guest sends and the host ignores is noticed: see
/// `every_fact_the_guests_emit_parses`.
#[derive(Debug, Deserialize)]
#[serde(tag = "fact", rename_all = "snake_case")]
#[cfg_attr(test, serde(deny_unknown_fields))]
enum Fact {
    Runtime {
        name: String,
        version: String,
    },
    /// The static facts are all sent: the snippet starts.
    Started,
    Handler(HandlerFact),
    Site(SiteFact),
    Caught {
        handler: u32,
        #[serde(rename = "type")]
        type_name: Option<String>,
        message: Option<String>,
        repr: Option<String>,
        line: Option<u32>,
        /// Firings this fact stands for (repeats are sent as counts); 1 when absent.
        count: Option<u64>,
        /// The source line of the raise, as the guest read it (the host reads
        /// the line from the snippet itself).
        #[allow(dead_code)]
        source: Option<String>,
    },
    Propagated {
        handler: u32,
        count: u64,
    },
    Recovered {
        handler: u32,
        count: u64,
    },
    Value {
        site: u32,
        handler: Option<u32>,
        #[serde(rename = "type")]
        type_name: Option<String>,
        repr: Option<String>,
        /// For a substituted lookup: the key, position or attribute under which
        /// the container held the value that came out (`score_2024`, `position 0`).
        used: Option<String>,
        /// Values this fact stands for; 1 when absent.
        count: Option<u64>,
    },
    Tampered {
        detail: String,
    },
    /// A library call made up data without raising (the pandas lens).
    Coerced(CoercedFact),
    /// A probe calls one of the snippet's functions with `input` (its call,
    /// as source: `parse('')`): what fires until `probe_end` fired on it.
    Probe {
        input: String,
        /// The first line of the function called, when the guest knows it.
        #[serde(default)]
        line: Option<u32>,
    },
    /// The probe's call ended: it returned, or raised an exception of type
    /// `raised` out of the function.
    ProbeEnd {
        raised: Option<String>,
        /// What it returned (a short repr), when it returned and the guest
        /// tells.
        #[serde(default)]
        returned: Option<String>,
    },
    /// The probe budget ran out (or with `memory`, the calls grew the
    /// memory too far past what was kept between them): `left` calls were
    /// not made.
    ProbeStopped {
        left: u64,
        #[serde(default)]
        memory: bool,
    },
    /// The probe calls share the snippet's state: it could not be put back
    /// after each call.
    ProbeShared,
    /// The probe listed `calls` calls to make (before making any).
    ProbeListed {
        calls: u64,
    },
}

/// What a library call that made up data did (see [`CoercedFact::event`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CoercionEvent {
    /// `pd.to_numeric(..., errors="coerce")` turned values into NaN.
    ToNumeric,
    /// `pd.to_datetime(..., errors="coerce")` turned values into NaT.
    ToDatetime,
    /// `astype(..., errors="ignore")` left values it could not convert as they were.
    Astype,
    /// `fillna(<constant>)` filled missing values.
    Fillna,
    /// An inner merge or join dropped left rows without a match.
    MergeDropped,
    /// A merge or join multiplied left rows on repeated keys of the right frame.
    MergeMultiplied,
    /// `get(key, default)` returned its default for a key that is not there.
    GetDefault,
    /// `drop(..., errors="ignore")` was asked for labels that are not there.
    DropMissing,
}

/// A library call in the snippet that made up data without raising: what the
/// guest counted since its previous fact for the same call site and event.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub(crate) struct CoercedFact {
    pub(crate) event: CoercionEvent,
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) end_line: u32,
    /// 1-based column just past its end on `end_line` (0 when not given).
    #[serde(default)]
    pub(crate) end_column: u32,
    /// The call's source text.
    pub(crate) text: String,
    /// What the event concerns: the column a fill's share is of (`column
    /// 'qty'`), the dtype unconverted values kept, the missing column or label.
    #[serde(default)]
    pub(crate) detail: Option<String>,
    /// Values (rows, labels) it made up or dropped.
    pub(crate) changed: u64,
    /// Values (rows, labels) it was given.
    pub(crate) total: u64,
    /// Calls this fact stands for.
    pub(crate) calls: u64,
}

/// One call site's events of one kind, summed over the run.
#[derive(Clone, Debug)]
pub(crate) struct CoercionSite {
    /// The first fact's position, text and detail.
    pub(crate) fact: CoercedFact,
    pub(crate) changed: u64,
    pub(crate) total: u64,
    pub(crate) calls: u64,
}

/// Whether a handler's body re-raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Reraise {
    /// On every path.
    Always,
    /// On some paths (a conditional raise, a retry that gives up).
    Sometimes,
    /// Never.
    Never,
}

/// What kind of construct catches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum HandlerKind {
    /// `except` / `catch`.
    Except,
    /// `contextlib.suppress(...)`.
    Suppress,
    /// A `with` block whose `__exit__` may swallow.
    With,
    /// A `finally` that returns, breaks or continues, discarding an in-flight exception.
    Finally,
}

/// Static facts about one handler.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub(crate) struct HandlerFact {
    pub(crate) id: u32,
    pub(crate) kind: HandlerKind,
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) end_line: u32,
    /// 1-based column just past its end on `end_line` (0 when not given).
    #[serde(default)]
    pub(crate) end_column: u32,
    /// The function it is in, when it is in one (the static analysis uses
    /// it; no rule on the host does yet).
    #[serde(default)]
    #[allow(dead_code)]
    pub(crate) function: Option<String>,
    /// The exception types it names, as written; empty = everything.
    #[serde(default)]
    pub(crate) catches: Vec<String>,
    pub(crate) reraises: Reraise,
    /// It logs, prints, warns, stores or returns the error.
    pub(crate) surfaces: bool,
    /// It computes a replacement from the data (or imports a fallback).
    pub(crate) recovers: bool,
    /// Its body only passes, continues, breaks or returns nothing.
    pub(crate) drops: bool,
    /// It sits in a retry loop: the guarded code leaves the loop on success.
    pub(crate) retry: bool,
    /// It returns the function's own failure constant (a predicate's `False`).
    #[serde(default)]
    pub(crate) failure_value: bool,
    /// The deliberate pattern it belongs to, when the exception is the expected
    /// outcome rather than a failure: `expected_exception` (a hand-written test
    /// that fails when no exception comes), `optional_import` (a fallback for a
    /// missing module), `cleanup` (removing a file or ending a process that is
    /// already gone), `checked_none` (a "no result" that every caller tests
    /// before using it), `named_default` (a module-level constant named as the
    /// default put in place, deliberate only for a missing key: see
    /// [`super::hides_values`]). Absent or null for none.
    #[serde(default)]
    pub(crate) idiom: Option<String>,
}

/// Static facts about one placeholder expression.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub(crate) struct SiteFact {
    pub(crate) id: u32,
    /// The handler it is inside, or None for a placeholder returned after a swallow.
    pub(crate) handler: Option<u32>,
    /// How the value leaves: `return`, `assign`, `append`, `return_after_swallow`, ...
    #[serde(default)]
    #[allow(dead_code)]
    pub(crate) via: String,
    /// What the placeholder is: `literal`, `container`, `random`, `substitute`, ...
    #[serde(default)]
    #[allow(dead_code)]
    pub(crate) kind: String,
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) end_line: u32,
    /// 1-based column just past its end on `end_line` (0 when not given).
    #[serde(default)]
    pub(crate) end_column: u32,
    /// Its source text.
    pub(crate) text: String,
    /// For a substituted lookup (`"kind": "substitute"`: the handler reads the
    /// container the guarded code looked up, under another key or position):
    /// the source text of the lookup that failed (`row["score_2025"]`).
    #[serde(default)]
    pub(crate) wanted: Option<String>,
}

/// A handler with what happened to it during the run.
#[derive(Clone, Debug)]
pub(crate) struct HandlerSite {
    pub(crate) fact: HandlerFact,
    /// Times it caught an exception.
    pub(crate) fired: u64,
    /// Firings whose exception (or one chained to it) propagated after all.
    pub(crate) propagated: u64,
    /// Firings resolved as intended: a retry followed by the retried code
    /// succeeding, or the exception an expected-exception test waited for.
    pub(crate) recovered: u64,
    /// The first exception it caught.
    pub(crate) exception: Option<CaughtException>,
    /// The probe call it first fired in (`parse('')`), when a probe fired it.
    pub(crate) probe_input: Option<String>,
    /// Firings per exception type, in the order the types were first caught
    /// (a `caught` fact with a `count` names its type when it is known).
    pub(crate) types: Vec<(String, u64)>,
}

impl HandlerSite {
    /// Firings that ended with the exception gone and nothing to show for it.
    pub(crate) fn swallowed(&self) -> u64 {
        self.fired.saturating_sub(self.propagated + self.recovered)
    }
}

/// An exception a handler caught.
#[derive(Clone, Debug)]
pub(crate) struct CaughtException {
    pub(crate) info: ExceptionInfo,
    /// A short repr (`KeyError('revenue')`).
    pub(crate) repr: String,
}

/// A placeholder with the values it produced during the run.
#[derive(Clone, Debug)]
pub(crate) struct PlaceholderSite {
    pub(crate) fact: SiteFact,
    /// Times it stood in for a result.
    pub(crate) produced: u64,
    /// The first value it produced.
    pub(crate) value: Option<ValueInfo>,
    /// Where the container held that value, for a substituted lookup.
    pub(crate) used: Option<String>,
    /// The handler whose swallow it followed (the site's own, or the frame's latest).
    pub(crate) after_handler: Option<u32>,
    /// The probe call it first stood in during (`parse('')`), when a probe made it.
    pub(crate) probe_input: Option<String>,
}

/// Everything one run's guest reported.
#[derive(Clone, Debug, Default)]
pub(crate) struct GuestFacts {
    /// What the first `runtime` fact said (the host's own names go in the report).
    pub(crate) runtime: Option<(String, String)>,
    pub(crate) handlers: BTreeMap<u32, HandlerSite>,
    pub(crate) sites: BTreeMap<u32, PlaceholderSite>,
    /// Library calls that made up data, by (line, column, event).
    pub(crate) coercions: BTreeMap<(u32, u32, CoercionEvent), CoercionSite>,
    /// The guest's `tampered` facts, then the rules its stream broke.
    pub(crate) tampering: Vec<String>,
    /// Lines that were not valid facts (a snippet writing to the import, or a harness bug).
    pub(crate) malformed: usize,
    /// The probe call running while the facts arrive, if any, and the first
    /// line of its function.
    probing: Option<String>,
    probing_line: Option<u32>,
    /// How each probe call ended, when the guest said (those whose function
    /// raised among them).
    pub(crate) probe_results: Vec<crate::report::CallResult>,
    /// Probe calls made.
    pub(crate) probe_calls: u64,
    /// Calls left unmade, and why.
    pub(crate) probe_left: u64,
    pub(crate) probe_stop: Option<crate::report::ProbeStop>,
    /// The probe calls shared the snippet's state.
    pub(crate) probe_shared: bool,
    /// The calls the probe listed, when it said.
    pub(crate) probe_listed: Option<u64>,
}

/// One fact of the stream. Tests parse it strictly, without the stream's
/// envelope field `seq` (Python's numbering, which `stream.rs` checks).
#[cfg(not(test))]
fn parse(line: &str) -> serde_json::Result<Fact> {
    serde_json::from_str(line)
}

#[cfg(test)]
fn parse(line: &str) -> serde_json::Result<Fact> {
    let mut value: serde_json::Value = serde_json::from_str(line)?;
    if let Some(object) = value.as_object_mut() {
        object.remove("seq");
    }
    serde_json::from_value(value)
}

/// Every line the parser refused in this test process, with why (see
/// `runtimes::facts_golden_tests`).
#[cfg(test)]
pub(crate) static REJECTED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

impl GuestFacts {
    /// The probe call that started and did not end (the run ended in it).
    pub(crate) fn unfinished_probe(&self) -> Option<&str> {
        self.probing.as_deref()
    }

    /// Folds the streamed lines, in order, into per-handler and per-site totals.
    pub(crate) fn from_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Self {
        let mut facts = GuestFacts::default();
        let mut check = stream::StreamCheck::default();
        for line in lines {
            check.observe_line(line);
            match parse(line) {
                Ok(fact) => {
                    check.observe(&fact);
                    facts.add(fact);
                }
                Err(_error) => {
                    #[cfg(test)]
                    REJECTED
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(format!("{_error}: {line}"));
                    facts.malformed += 1;
                }
            }
        }
        facts.tampering.extend(check.problems());
        facts
    }

    /// Handlers with more firings resolved (propagated or recovered) than
    /// caught, one sentence each. A harness that ran to its end has sent every
    /// firing, and resolves each at most once: more is a forged fact.
    pub(crate) fn overresolved(&self) -> Vec<String> {
        self.handlers
            .iter()
            .filter(|(_, h)| h.propagated.saturating_add(h.recovered) > h.fired)
            .map(|(id, h)| {
                format!(
                    "handler {id}: {} firings resolved, {} caught",
                    h.propagated.saturating_add(h.recovered),
                    h.fired
                )
            })
            .collect()
    }

    fn add(&mut self, fact: Fact) {
        match fact {
            Fact::Runtime { name, version } => {
                self.runtime.get_or_insert((name, version));
            }
            Fact::Started => {}
            Fact::Handler(h) => {
                self.handlers.insert(
                    h.id,
                    HandlerSite {
                        fact: h,
                        fired: 0,
                        propagated: 0,
                        recovered: 0,
                        exception: None,
                        probe_input: None,
                        types: Vec::new(),
                    },
                );
            }
            Fact::Site(s) => {
                self.sites.insert(
                    s.id,
                    PlaceholderSite {
                        after_handler: s.handler,
                        fact: s,
                        produced: 0,
                        value: None,
                        used: None,
                        probe_input: None,
                    },
                );
            }
            Fact::Caught {
                handler,
                type_name,
                message,
                repr,
                line,
                count,
                ..
            } => {
                if let Some(h) = self.handlers.get_mut(&handler) {
                    if h.probe_input.is_none() && h.fired == 0 {
                        h.probe_input.clone_from(&self.probing);
                    }
                    h.fired += count.unwrap_or(1);
                    if let Some(type_name) = &type_name {
                        match h.types.iter_mut().find(|(t, _)| t == type_name) {
                            Some((_, n)) => *n += count.unwrap_or(1),
                            None => h.types.push((type_name.clone(), count.unwrap_or(1))),
                        }
                    }
                    if h.exception.is_none()
                        && let Some(type_name) = type_name
                    {
                        let message = message.unwrap_or_default();
                        h.exception = Some(CaughtException {
                            repr: repr.unwrap_or_else(|| format!("{type_name}({message:?})")),
                            info: ExceptionInfo {
                                type_name,
                                message,
                                line,
                            },
                        });
                    }
                }
            }
            Fact::Propagated { handler, count } => {
                if let Some(h) = self.handlers.get_mut(&handler) {
                    h.propagated += count;
                }
            }
            Fact::Recovered { handler, count } => {
                if let Some(h) = self.handlers.get_mut(&handler) {
                    h.recovered += count;
                }
            }
            Fact::Value {
                site,
                handler,
                type_name,
                repr,
                used,
                count,
            } => {
                if let Some(s) = self.sites.get_mut(&site) {
                    if s.probe_input.is_none() && s.produced == 0 {
                        s.probe_input.clone_from(&self.probing);
                    }
                    if s.used.is_none() {
                        s.used = used;
                    }
                    s.produced += count.unwrap_or(1);
                    if s.after_handler.is_none() {
                        s.after_handler = handler;
                    }
                    if s.value.is_none()
                        && let (Some(type_name), Some(repr)) = (type_name, repr)
                    {
                        s.value = Some(ValueInfo { type_name, repr });
                    }
                }
            }
            Fact::Tampered { detail } => self.tampering.push(detail),
            Fact::Probe { input, line } => {
                self.probe_calls += 1;
                self.probing = Some(input);
                self.probing_line = line;
            }
            Fact::ProbeStopped { left, memory } => {
                self.probe_left += left;
                self.probe_stop = Some(if memory {
                    crate::report::ProbeStop::Memory
                } else {
                    crate::report::ProbeStop::Budget
                });
            }
            Fact::ProbeShared => self.probe_shared = true,
            Fact::ProbeListed { calls } => self.probe_listed = Some(calls),
            Fact::ProbeEnd { raised, returned } => {
                let line = self.probing_line.take();
                let ended = match (raised, returned) {
                    (Some(raised), _) => Some(crate::report::CallEnd::Raised(raised)),
                    (None, Some(returned)) => Some(crate::report::CallEnd::Returned(returned)),
                    (None, None) => None,
                };
                if let (Some(call), Some(ended)) = (self.probing.take(), ended) {
                    self.probe_results
                        .push(crate::report::CallResult { call, line, ended });
                }
            }
            Fact::Coerced(c) => {
                let site = self
                    .coercions
                    .entry((c.line, c.column, c.event))
                    .or_insert_with(|| CoercionSite {
                        fact: c.clone(),
                        changed: 0,
                        total: 0,
                        calls: 0,
                    });
                site.changed = site.changed.saturating_add(c.changed);
                site.total = site.total.saturating_add(c.total);
                site.calls = site.calls.saturating_add(c.calls);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_firings_and_values() {
        let lines = [
            r#"{"fact":"runtime","name":"cpython","version":"3.14.0"}"#,
            r#"{"fact":"handler","id":0,"kind":"except","line":8,"column":9,"end_line":9,"end_column":20,"catches":["KeyError"],"function":"total","reraises":"never","surfaces":false,"recovers":false,"drops":false,"retry":false,"failure_value":false}"#,
            r#"{"fact":"site","id":0,"handler":0,"via":"assign","kind":"literal","line":9,"column":17,"end_line":9,"end_column":20,"text":"0.0"}"#,
            r#"{"fact":"caught","handler":0,"type":"KeyError","message":"'revenue'","repr":"KeyError('revenue')","line":7,"source":"v = row['revenue']"}"#,
            r#"{"fact":"value","site":0,"handler":0,"type":"float","repr":"0.0"}"#,
            r#"{"fact":"caught","handler":0}"#,
            r#"{"fact":"value","site":0,"handler":0}"#,
            r#"{"fact":"caught","handler":0,"count":3}"#,
            r#"{"fact":"value","site":0,"handler":0,"count":2}"#,
            r#"{"fact":"propagated","handler":0,"count":1}"#,
            "not json",
        ];
        let facts = GuestFacts::from_lines(lines);
        assert_eq!(facts.runtime, Some(("cpython".into(), "3.14.0".into())));
        let h = &facts.handlers[&0];
        assert_eq!((h.fired, h.propagated, h.swallowed()), (5, 1, 4));
        assert_eq!(h.exception.as_ref().unwrap().info.line, Some(7));
        let s = &facts.sites[&0];
        assert_eq!(s.produced, 4);
        assert_eq!(s.value.as_ref().unwrap().repr, "0.0");
        assert_eq!(facts.malformed, 1);
    }
}
