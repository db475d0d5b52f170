//! Pre-initialising a WASI preview-1 reactor: run code in it once, then write
//! its memory and globals out as a new module (wasmtime-wizer), so that every
//! later instance starts from that state instead of redoing the work.
//!
//! The reactor must export `turn(ptr, len) -> i32` (run the code at `ptr`)
//! and `host_alloc(len) -> ptr`, as the python-data runtime's CPython does.
//! After the code, functions the module does not export can be called by
//! their name in the module's name section (`__wasilibc_reset_preopens`, so
//! that the snapshot forgets the directories this run was given and finds a
//! later run's own).
//!
//! The work runs on its own thread with its own engine: the same features as
//! candor's, but no pooling and Cranelift's quickest setting, since the
//! instrumented module is compiled for this one run only.

use super::engine;
use super::execution::{Invocation, ReactorLayout, new_store, reactor_pre, scratch_dir};
use super::guest::GuestState;
use super::limits::Limits;
use crate::error::{Error, Result};
use wasmtime::{Instance, Store};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wizer::{InstanceState, SnapshotVal, ValType, Wizer};

/// The name the internal functions to call after the code are exported under
/// (`candor.preinit.0`, ...) while the snapshot is made.
const AFTER_EXPORT: &str = "candor.preinit";

/// What to pre-initialise, and how.
pub(crate) struct Preinit<'a> {
    /// The reactor's bytes.
    pub(crate) wasm: &'a [u8],
    /// What the guest sees while it runs.
    pub(crate) call: &'a Invocation<'a>,
    /// Its file system, and the code its `turn` runs.
    pub(crate) layout: &'a ReactorLayout<'a>,
    pub(crate) limits: &'a Limits,
    /// Functions (by name-section name, no parameters or results) called
    /// after the code, in order.
    pub(crate) after: &'a [&'a str],
}

/// The imports a reactor needs besides WASI, defined on the linker.
pub(crate) type DefineImports =
    fn(&mut wasmtime::Linker<GuestState<WasiP1Ctx>>) -> wasmtime::Result<()>;

/// Runs the code in a fresh instance of the reactor and returns the
/// pre-initialised module. Blocks (a compile and a run: minutes for a large
/// module); safe to call from inside an async runtime.
pub(crate) fn preinitialize(preinit: &Preinit<'_>, define: DefineImports) -> Result<Vec<u8>> {
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_time()
                    .build()
                    .map_err(|e| Error::Internal(format!("starting an async runtime: {e}")))?;
                runtime.block_on(run(preinit, define))
            })
            .join()
            .unwrap_or_else(|_| {
                Err(Error::Internal(
                    "pre-initialising the runtime panicked".to_string(),
                ))
            })
    })
}

async fn run(preinit: &Preinit<'_>, define: DefineImports) -> Result<Vec<u8>> {
    let failed = |what: &str, e: wasmtime::Error| {
        Error::Internal(format!("pre-initialising the runtime: {what}: {e:#}"))
    };
    let code = preinit.layout.code;
    let wasm = export_internal(preinit.wasm, preinit.after)?;
    let wizer = Wizer::new();
    let (cx, instrumented) = wizer
        .instrument(&wasm)
        .map_err(|e| failed("instrumenting the module", e))?;
    let engine = engine::build_preinit_engine()?;
    let module = wasmtime::Module::new(&engine, &instrumented)
        .map_err(|e| failed("compiling the instrumented module", e))?;
    let pre = reactor_pre(&engine, &module, define)?
        .map_err(|why| Error::Internal(format!("pre-initialising the runtime: {why}")))?;

    let scratch = scratch_dir()?;
    for dir in preinit.layout.scratch_dirs {
        let _ = std::fs::create_dir_all(scratch.path().join(dir));
    }
    let limits = preinit.limits;
    let (io, stdout, stderr) =
        preinit
            .call
            .io_at(scratch.path(), preinit.layout.scratch_at, limits);
    let mut store = new_store(&engine, io.module_state()?, limits.fuel)?;
    let instance = pre
        .instantiate_async(&mut store)
        .await
        .map_err(|e| failed("instantiating", e))?;
    let turn = async {
        if let Some(init) = instance.get_func(&mut store, "_initialize") {
            init.typed::<(), ()>(&store)?
                .call_async(&mut store, ())
                .await?;
        }
        super::execution::call_turn(&mut store, &instance, code).await
    };
    let status = match tokio::time::timeout(limits.timeout, turn).await {
        Ok(Ok(status)) => status,
        Ok(Err(e)) => {
            let (err, _) = stderr.take();
            return Err(failed(
                &format!(
                    "running the code ({})",
                    String::from_utf8_lossy(&err).trim_end()
                ),
                e,
            ));
        }
        Err(_) => {
            return Err(Error::Internal(format!(
                "pre-initialising the runtime: the code ran past {}",
                humantime::format_duration(limits.timeout)
            )));
        }
    };
    if status != 0 {
        let (out, _) = stdout.take();
        let (err, _) = stderr.take();
        return Err(Error::Internal(format!(
            "pre-initialising the runtime: the code exited with status {status}: {}{}",
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&err)
        )));
    }
    for i in 0..preinit.after.len() {
        let name = format!("{AFTER_EXPORT}.{i}");
        let func = instance
            .get_typed_func::<(), ()>(&mut store, &name)
            .map_err(|e| failed(&format!("finding {}", preinit.after[i]), e))?;
        func.call_async(&mut store, ())
            .await
            .map_err(|e| failed(&format!("calling {}", preinit.after[i]), e))?;
    }
    let mut state = Snapshot {
        store: &mut store,
        instance,
    };
    let snapshot = wizer
        .snapshot(&cx, &mut state)
        .await
        .map_err(|e| failed("writing the snapshot", e))?;
    drop(store);
    drop(scratch);
    Ok(snapshot)
}

/// The instance's state, as wizer reads it.
struct Snapshot<'a, T: 'static> {
    store: &'a mut Store<T>,
    instance: Instance,
}

impl<T: Send> InstanceState for Snapshot<'_, T> {
    async fn global_get(&mut self, name: &str, _: ValType) -> SnapshotVal {
        // wizer asks only for the globals its instrumentation exported
        let global = self
            .instance
            .get_global(&mut *self.store, name)
            .expect("an exported global");
        match global.get(&mut *self.store) {
            wasmtime::Val::I32(x) => SnapshotVal::I32(x),
            wasmtime::Val::I64(x) => SnapshotVal::I64(x),
            wasmtime::Val::F32(x) => SnapshotVal::F32(x),
            wasmtime::Val::F64(x) => SnapshotVal::F64(x),
            wasmtime::Val::V128(x) => SnapshotVal::V128(x.as_u128()),
            other => panic!("a global wizer cannot snapshot: {other:?}"),
        }
    }

    async fn memory_contents(&mut self, name: &str, contents: impl FnOnce(&[u8]) + Send) {
        let memory = self
            .instance
            .get_memory(&mut *self.store, name)
            .expect("an exported memory");
        contents(memory.data(&*self.store))
    }
}

/// `wasm` with the functions named `names` (in its name section) exported as
/// `candor.preinit.0`, `candor.preinit.1`, ...
fn export_internal(wasm: &[u8], names: &[&str]) -> Result<Vec<u8>> {
    let bad = |e: wasmparser::BinaryReaderError| {
        Error::Internal(format!(
            "pre-initialising the runtime: reading the module: {e}"
        ))
    };
    let mut indices = vec![None; names.len()];
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let wasmparser::Payload::CustomSection(custom) = payload.map_err(bad)? else {
            continue;
        };
        let wasmparser::KnownCustom::Name(reader) = custom.as_known() else {
            continue;
        };
        for subsection in reader {
            let wasmparser::Name::Function(map) = subsection.map_err(bad)? else {
                continue;
            };
            for naming in map {
                let naming = naming.map_err(bad)?;
                if let Some(i) = names.iter().position(|&n| n == naming.name) {
                    indices[i] = Some(naming.index);
                }
            }
        }
    }
    let mut module = wasm_encoder::Module::new();
    let mut exported = false;
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(bad)?;
        if let wasmparser::Payload::ExportSection(reader) = &payload {
            let mut exports = wasm_encoder::ExportSection::new();
            for export in reader.clone() {
                let export = export.map_err(bad)?;
                exports.export(export.name, export.kind.into(), export.index);
            }
            for (i, (name, index)) in names.iter().zip(&indices).enumerate() {
                let index = index.ok_or_else(|| {
                    Error::Internal(format!(
                        "pre-initialising the runtime: the module has no function named {name}"
                    ))
                })?;
                exports.export(
                    &format!("{AFTER_EXPORT}.{i}"),
                    wasm_encoder::ExportKind::Func,
                    index,
                );
            }
            module.section(&exports);
            exported = true;
        } else if let Some((id, range)) = payload.as_section() {
            module.section(&wasm_encoder::RawSection {
                id,
                data: &wasm[range],
            });
        }
    }
    if !exported && !names.is_empty() {
        return Err(Error::Internal(
            "pre-initialising the runtime: the module exports nothing".to_string(),
        ));
    }
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_function_is_exported_by_its_name() {
        let wasm = wat::parse_str(
            r#"(module
                (func $hidden (export "visible"))
                (func $reset)
                (memory (export "memory") 1))"#,
        )
        .unwrap();
        let out = export_internal(&wasm, &["reset"]).unwrap();
        let exports: Vec<(String, u32)> = wasmparser::Parser::new(0)
            .parse_all(&out)
            .filter_map(|p| match p.unwrap() {
                wasmparser::Payload::ExportSection(r) => Some(
                    r.into_iter()
                        .map(|e| {
                            let e = e.unwrap();
                            (e.name.to_string(), e.index)
                        })
                        .collect::<Vec<_>>(),
                ),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(
            exports,
            [
                ("visible".to_string(), 0),
                ("memory".to_string(), 0),
                ("candor.preinit.0".to_string(), 1)
            ]
        );
        wasmparser::Validator::new().validate_all(&out).unwrap();
        let missing = export_internal(&wasm, &["nowhere"]).unwrap_err();
        assert!(missing.to_string().contains("no function named nowhere"));
    }
}
