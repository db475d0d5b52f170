//! Optimises the Python component's CPython library after componentize-py has
//! built and pre-initialised it (included by `build.rs` with `#[path]`).
//!
//! componentize-py links CPython as a position-independent shared library
//! (`libpython3.14.so`, one core module of the component) and compiles it
//! without link-time optimisation. Three things follow, all measured on the
//! CPU-bound loop of `benches/speed.rs`:
//!
//! - every access to a global variable or function pointer of the library goes
//!   through a `GOT.mem` / `GOT.func` global imported from the component's
//!   memory-image module, plus `__memory_base` / `__table_base`. The
//!   pre-initialisation has fixed all of them, and no code writes them again,
//!   so they are folded here into constants: each `global.get` of such a
//!   global becomes an `i32.const` (so does a read of a library global whose
//!   initialiser is `base + constant`).
//! - small functions across CPython's source files stay separate calls, each
//!   paying wasmtime's fuel bookkeeping; Binaryen's `wasm-opt -O3` (npm package
//!   `binaryen`, run with node) inlines them.
//! - calls through function pointers stored at fixed addresses (CPython's
//!   allocator table above all: two per object) stay `call_indirect`s, which
//!   no optimiser can inline. `devirtualize.rs` guards each with the pointer's
//!   pre-initialised value and calls its target directly; a second
//!   `wasm-opt -O3` inlines the small targets.
//!
//! `wasm-opt` takes the loop from ~610 to ~568 ms, folding to ~550 ms, the
//! guarded devirtualisation to ~470 ms; the two `wasm-opt` runs add about a
//! minute and a half to a build of the component.

use super::devirtualize;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use wasm_encoder::reencode::{self, Reencode};
use wasmparser::{BinaryReader, ExternalKind, Operator, Parser, Payload, TypeRef};

/// The npm package that provides `wasm-opt`, pinned.
const BINARYEN: &str = "binaryen@132.0.0";
/// The library module's name in the component's memory-image exports.
const LIBPYTHON: &str = "libpython3.14.so";
/// A function the CPython library module defines and exports (the memory-image
/// module exports a stub of the same name, but imports nothing from `GOT.mem`).
const LIBPYTHON_MARKER: &str = "_PyEval_EvalFrameDefault";
/// What the library uses beyond MVP wasm (the module carries no
/// `target_features` section for `wasm-opt` to detect them from).
const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-extended-const",
    "--enable-multivalue",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
];
/// `-g` keeps the name section, so that traps and profiles still name functions.
const WASM_OPT_PASSES: &[&str] = &["-g", "-O3"];
/// The component-level section id of an embedded core module.
const CORE_MODULE_SECTION: u8 = 1;

/// Writes the optimised component into `out_dir` and returns its path.
pub fn optimize_python_component(out_dir: &Path, component: &Path) -> PathBuf {
    let bytes = fs::read(component)
        .unwrap_or_else(|e| opt_fail(&format!("reading {}: {e}", component.display())));
    let output = out_dir.join("python-optimized.wasm");

    let sections = component_sections(&bytes);
    let modules: Vec<&[u8]> = sections
        .iter()
        .filter(|s| s.id == CORE_MODULE_SECTION)
        .map(|s| s.contents)
        .collect();
    let library = modules
        .iter()
        .position(|m| is_shared_library(m) && exports_function(m, LIBPYTHON_MARKER))
        .unwrap_or_else(|| opt_fail(&format!("no core module exports {LIBPYTHON_MARKER}")));
    // The memory-image module exports the pre-initialised values of each
    // library's globals as `LIBRARY:NAME`.
    let prefix = format!("{LIBPYTHON}:");
    let (image, exported) = modules
        .iter()
        .enumerate()
        .filter_map(|(i, m)| Some((i, exported_globals(m)?)))
        .find(|(_, globals)| globals.keys().any(|name| name.starts_with(&prefix)))
        .unwrap_or_else(|| opt_fail(&format!("no core module exports {LIBPYTHON}'s globals")));
    let image_globals: HashMap<String, i32> = exported
        .iter()
        .filter_map(|(name, value)| Some((name.strip_prefix(&prefix)?.to_string(), (*value)?)))
        .collect();
    // The other libraries' table bases; `None` if one is not a constant.
    let other_table_bases: Option<Vec<u32>> = exported
        .iter()
        .filter(|(name, _)| name.ends_with(":table_base") && !name.starts_with(&prefix))
        .map(|(_, value)| value.map(|v| v as u32))
        .collect();

    let folded = fold_globals(modules[library], &image_globals);
    let folded_path = out_dir.join("libpython-folded.wasm");
    let optimized_path = out_dir.join("libpython-optimized.wasm");
    fs::write(&folded_path, folded)
        .unwrap_or_else(|e| opt_fail(&format!("writing {}: {e}", folded_path.display())));
    run_wasm_opt(out_dir, &folded_path, &optimized_path);
    let optimized = fs::read(&optimized_path)
        .unwrap_or_else(|e| opt_fail(&format!("reading {}: {e}", optimized_path.display())));
    let optimized = devirtualize_fixed_pointer_calls(
        out_dir,
        &optimized,
        &modules,
        library,
        image,
        other_table_bases.as_deref(),
    );

    let mut result = bytes[..8].to_vec();
    let mut module_index = 0;
    for section in &sections {
        let mut contents = section.contents;
        if section.id == CORE_MODULE_SECTION {
            if module_index == library {
                contents = &optimized;
            }
            module_index += 1;
        }
        result.push(section.id);
        wasm_encoder::Encode::encode(&contents.len(), &mut result);
        result.extend_from_slice(contents);
    }
    fs::write(&output, result)
        .unwrap_or_else(|e| opt_fail(&format!("writing {}: {e}", output.display())));
    output
}

/// Devirtualises the library's calls through pointers the pre-initialisation
/// fixed (see `devirtualize.rs`) and runs `wasm-opt` again so that it can
/// inline their targets; returns `optimized` unchanged when the table slots
/// cannot be shown to be fixed.
fn devirtualize_fixed_pointer_calls(
    out_dir: &Path,
    optimized: &[u8],
    modules: &[&[u8]],
    library: usize,
    image: usize,
    other_table_bases: Option<&[u32]>,
) -> Vec<u8> {
    let others: Vec<&[u8]> = (0..modules.len())
        .filter(|i| *i != library)
        .map(|i| modules[i])
        .collect();
    let slots = match other_table_bases {
        Some(bases) => devirtualize::fixed_slots(optimized, &others, bases)
            .unwrap_or_else(|e| opt_fail(&format!("reading the table layout: {e}"))),
        None => None,
    };
    let Some(slots) = slots else {
        println!(
            "cargo:warning=the CPython library's table slots are not fixed; calls through function pointers stay indirect"
        );
        return optimized.to_vec();
    };
    let memory = devirtualize::SnapshotMemory::from_image(modules[image])
        .unwrap_or_else(|e| opt_fail(&format!("reading the memory image: {e}")));
    let (rewritten, count) = devirtualize::devirtualize(optimized, &memory, &slots)
        .unwrap_or_else(|e| opt_fail(&format!("devirtualising {LIBPYTHON}: {e}")));
    if count == 0 {
        println!("cargo:warning=no call of the CPython library reads a fixed function pointer");
    }
    let input = out_dir.join("libpython-devirtualized.wasm");
    let output = out_dir.join("libpython-final.wasm");
    fs::write(&input, rewritten)
        .unwrap_or_else(|e| opt_fail(&format!("writing {}: {e}", input.display())));
    run_wasm_opt(out_dir, &input, &output);
    fs::read(&output).unwrap_or_else(|e| opt_fail(&format!("reading {}: {e}", output.display())))
}

/// One top-level section of a component.
struct Section<'a> {
    id: u8,
    contents: &'a [u8],
}

fn component_sections(bytes: &[u8]) -> Vec<Section<'_>> {
    if bytes.len() < 8 || &bytes[..4] != b"\0asm" {
        opt_fail("the Python component is not a WebAssembly binary");
    }
    let mut reader = BinaryReader::new(&bytes[8..], 8);
    let mut sections = Vec::new();
    while !reader.eof() {
        let id = reader
            .read_u8()
            .unwrap_or_else(|e| opt_fail(&e.to_string()));
        let len = reader
            .read_var_u32()
            .unwrap_or_else(|e| opt_fail(&e.to_string()));
        let contents = reader
            .read_bytes(len as usize)
            .unwrap_or_else(|e| opt_fail(&e.to_string()));
        sections.push(Section { id, contents });
    }
    sections
}

/// Whether `module` is a position-independent library (it imports `GOT.mem`).
fn is_shared_library(module: &[u8]) -> bool {
    Parser::new(0)
        .parse_all(module)
        .any(|payload| match payload {
            Ok(Payload::ImportSection(imports)) => imports
                .into_imports()
                .flatten()
                .any(|i| i.module == "GOT.mem"),
            _ => false,
        })
}

fn exports_function(module: &[u8], name: &str) -> bool {
    Parser::new(0)
        .parse_all(module)
        .any(|payload| match payload {
            Ok(Payload::ExportSection(exports)) => exports
                .into_iter()
                .flatten()
                .any(|e| e.kind == ExternalKind::Func && e.name == name),
            _ => false,
        })
}

/// The globals `module` exports, by export name, with their values where
/// they are constants; `None` if `module` does not parse.
fn exported_globals(module: &[u8]) -> Option<HashMap<String, Option<i32>>> {
    let mut values = Vec::new();
    let mut imported = 0;
    let mut named = Vec::new();
    for payload in Parser::new(0).parse_all(module) {
        match payload.ok()? {
            Payload::ImportSection(imports) => {
                for import in imports.into_imports() {
                    if matches!(import.ok()?.ty, TypeRef::Global(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::GlobalSection(globals) => {
                for global in globals {
                    values.push(constant(&global.ok()?.init_expr, &HashMap::new()));
                }
            }
            Payload::ExportSection(exports) => {
                for export in exports {
                    let export = export.ok()?;
                    if export.kind == ExternalKind::Global {
                        named.push((export.name.to_string(), export.index));
                    }
                }
            }
            _ => {}
        }
    }
    let globals = named
        .into_iter()
        .map(|(name, index)| {
            let value = index
                .checked_sub(imported)
                .and_then(|i| values.get(i as usize).copied().flatten());
            (name, value)
        })
        .collect();
    Some(globals)
}

/// The value of a constant expression: `i32.const C`, or `global.get G` /
/// `global.get G; i32.const C; i32.add` with `G` in `known`.
fn constant(expr: &wasmparser::ConstExpr<'_>, known: &HashMap<u32, i32>) -> Option<i32> {
    let operators: Vec<Operator<'_>> = expr
        .get_operators_reader()
        .into_iter()
        .collect::<Result<_, _>>()
        .ok()?;
    match operators.as_slice() {
        [Operator::I32Const { value }, Operator::End] => Some(*value),
        [Operator::GlobalGet { global_index }, Operator::End] => known.get(global_index).copied(),
        [
            Operator::GlobalGet { global_index },
            Operator::I32Const { value },
            Operator::I32Add,
            Operator::End,
        ] => Some(known.get(global_index)?.wrapping_add(*value)),
        _ => None,
    }
}

/// Rewrites the library so that each read of a global whose value the
/// pre-initialisation fixed is that value.
fn fold_globals(module: &[u8], image: &HashMap<String, i32>) -> Vec<u8> {
    let mut fixed: HashMap<u32, i32> = HashMap::new();
    let mut index = 0;
    for payload in Parser::new(0).parse_all(module) {
        let payload = payload.unwrap_or_else(|e| opt_fail(&format!("reading {LIBPYTHON}: {e}")));
        match payload {
            Payload::ImportSection(imports) => {
                for import in imports.into_imports() {
                    let import =
                        import.unwrap_or_else(|e| opt_fail(&format!("reading imports: {e}")));
                    let TypeRef::Global(ty) = import.ty else {
                        continue;
                    };
                    let name = match (import.module, import.name) {
                        ("GOT.mem" | "GOT.func", name) => Some(name),
                        ("env", "__memory_base") => Some("memory_base"),
                        ("env", "__table_base") => Some("table_base"),
                        _ => None,
                    };
                    if let Some(value) = name.and_then(|n| image.get(n))
                        && ty.content_type == wasmparser::ValType::I32
                    {
                        fixed.insert(index, *value);
                    }
                    index += 1;
                }
            }
            Payload::GlobalSection(globals) => {
                for global in globals {
                    let global =
                        global.unwrap_or_else(|e| opt_fail(&format!("reading globals: {e}")));
                    if !global.ty.mutable
                        && let Some(value) = constant(&global.init_expr, &fixed)
                    {
                        fixed.insert(index, value);
                    }
                    index += 1;
                }
            }
            _ => {}
        }
    }
    if fixed.is_empty() {
        opt_fail(&format!("{LIBPYTHON} imports none of the expected globals"));
    }
    let mut folder = GlobalFolder { fixed };
    let mut encoded = wasm_encoder::Module::new();
    folder
        .parse_core_module(&mut encoded, Parser::new(0), module)
        .unwrap_or_else(|e| opt_fail(&format!("rewriting {LIBPYTHON}: {e:?}")));
    encoded.finish()
}

/// Re-encodes a module, replacing reads of fixed globals in function bodies.
struct GlobalFolder {
    fixed: HashMap<u32, i32>,
}

impl Reencode for GlobalFolder {
    type Error = String;

    fn instruction<'a>(
        &mut self,
        operator: Operator<'a>,
    ) -> Result<wasm_encoder::Instruction<'a>, reencode::Error<Self::Error>> {
        match operator {
            Operator::GlobalGet { global_index } => {
                if let Some(value) = self.fixed.get(&global_index) {
                    return Ok(wasm_encoder::Instruction::I32Const(*value));
                }
            }
            // a write would make the folded value stale
            Operator::GlobalSet { global_index } if self.fixed.contains_key(&global_index) => {
                return Err(reencode::Error::UserError(format!(
                    "global {global_index} is written, so it cannot be folded"
                )));
            }
            _ => {}
        }
        reencode::utils::instruction(self, operator)
    }
}

/// Runs `wasm-opt`, installing the pinned binaryen package with npm first.
fn run_wasm_opt(out_dir: &Path, input: &Path, output: &Path) {
    let prefix = out_dir.join("binaryen");
    let wasm_opt = prefix.join("node_modules/binaryen/bin/wasm-opt");
    if !wasm_opt.is_file() {
        super::run(
            Command::new("npm")
                .args(["install", "--silent", "--no-audit", "--no-fund", "--prefix"])
                .arg(&prefix)
                .arg(BINARYEN),
            &format!("installing {BINARYEN} with npm (node and npm are prerequisites)"),
        );
    }
    super::run(
        Command::new("node")
            .arg(&wasm_opt)
            .args(WASM_OPT_FEATURES)
            .args(WASM_OPT_PASSES)
            .arg(input)
            .arg("-o")
            .arg(output),
        "optimising the CPython library with wasm-opt",
    );
}

fn opt_fail(message: &str) -> ! {
    super::fail(&format!("optimising the Python component: {message}"))
}
