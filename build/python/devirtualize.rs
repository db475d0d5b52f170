//! Guarded devirtualisation of the CPython library's calls through function
//! pointers stored at fixed addresses (included by `build.rs` with `#[path]`).
//!
//! CPython calls its memory allocator through a table of function pointers in
//! a global (`_PyObject.malloc(ctx, n)`, `_PyObject.free(ctx, p)`): each
//! object allocation and free is a `call_indirect`, which wasmtime checks
//! (table bounds, lazy initialisation, signature) and which no optimiser can
//! inline. After folding and `wasm-opt`, such a call reads its table index
//! with `i32.const A; i32.load; call_indirect`. The pre-initialisation fixed
//! the value at `A` (the memory-image module's data), so the target is known
//! for every run that does not replace it; this pass rewrites each such call
//! to
//!
//! ```text
//! if (index == K) call f(args) else call_indirect(args, index)
//! ```
//!
//! where `K` is the snapshot value and `f` the library's own function in
//! table slot `K`. A second `wasm-opt` then inlines `f` where it is small.
//! The guard keeps the call exact when the pointer changes at run time (e.g.
//! `tracemalloc` installs its own allocator): the rewrite relies only on slot
//! `K` holding `f` for the whole run, which `fixed_slots` checks: the
//! library's element segment puts `f` there, no other segment of the
//! component can reach that slot, and no module of the component writes a
//! table at run time.

use std::collections::HashMap;
use wasm_encoder::reencode::{self, Reencode};
use wasm_encoder::{BlockType, Instruction, ValType};
use wasmparser::{
    DataKind, ElementItems, ElementKind, FuncType, FunctionBody, Operator, Parser, Payload, TypeRef,
};

/// The linear memory as the pre-initialisation left it: the active data
/// segments of the memory-image module, by start address.
pub struct SnapshotMemory {
    segments: Vec<(u32, Vec<u8>)>,
}

impl SnapshotMemory {
    /// Reads the data segments of `module`, the component's memory image.
    pub fn from_image(module: &[u8]) -> Result<Self, String> {
        let mut segments = Vec::new();
        for payload in Parser::new(0).parse_all(module) {
            if let Payload::DataSection(data) = payload.map_err(|e| e.to_string())? {
                for segment in data {
                    let segment = segment.map_err(|e| e.to_string())?;
                    // a segment at an offset that is not a constant is left
                    // out: a value read here is only the guess the guard checks
                    if let DataKind::Active {
                        memory_index: 0,
                        offset_expr,
                    } = segment.kind
                        && let Some(start) = i32_constant(&offset_expr)
                    {
                        segments.push((start as u32, segment.data.to_vec()));
                    }
                }
            }
        }
        Ok(Self { segments })
    }

    /// The little-endian `u32` at `address` (zero where no segment writes:
    /// a fresh linear memory is zeroed). A later segment wins, as it would
    /// at instantiation.
    fn read_u32(&self, address: u32) -> u32 {
        let mut bytes = [0u8; 4];
        for (i, byte) in bytes.iter_mut().enumerate() {
            let at = address.wrapping_add(i as u32);
            for (start, data) in &self.segments {
                if let Some(b) = at.checked_sub(*start).and_then(|o| data.get(o as usize)) {
                    *byte = *b;
                }
            }
        }
        u32::from_le_bytes(bytes)
    }
}

/// Where an element segment of another module starts.
enum SegmentStart {
    /// At a constant slot.
    Slot(u32),
    /// At the module's imported `env.__table_base`, one of the libraries'
    /// table bases.
    TableBase,
    /// Somewhere this pass does not follow.
    Unknown,
}

/// The table slots a module's active element segments write: start and length.
fn element_ranges(module: &[u8]) -> Result<Vec<(SegmentStart, u32)>, String> {
    let mut global_imports = Vec::new();
    let mut ranges = Vec::new();
    for payload in Parser::new(0).parse_all(module) {
        match payload.map_err(|e| e.to_string())? {
            Payload::ImportSection(imports) => {
                for import in imports.into_imports() {
                    let import = import.map_err(|e| e.to_string())?;
                    if matches!(import.ty, TypeRef::Global(_)) {
                        global_imports.push((import.module, import.name));
                    }
                }
            }
            Payload::ElementSection(elements) => {
                for element in elements {
                    let element = element.map_err(|e| e.to_string())?;
                    let ElementKind::Active { offset_expr, .. } = &element.kind else {
                        continue;
                    };
                    let length = match &element.items {
                        ElementItems::Functions(f) => f.count(),
                        ElementItems::Expressions(_, e) => e.count(),
                    };
                    let mut reader = offset_expr.get_operators_reader();
                    let start = match (reader.read(), reader.read()) {
                        (Ok(Operator::I32Const { value }), Ok(Operator::End)) => {
                            SegmentStart::Slot(value as u32)
                        }
                        (Ok(Operator::GlobalGet { global_index }), Ok(Operator::End))
                            if global_imports.get(global_index as usize)
                                == Some(&("env", "__table_base")) =>
                        {
                            SegmentStart::TableBase
                        }
                        _ => SegmentStart::Unknown,
                    };
                    ranges.push((start, length));
                }
            }
            _ => {}
        }
    }
    Ok(ranges)
}

/// Whether `module` has an instruction that changes a table at run time.
fn writes_tables(module: &[u8]) -> Result<bool, String> {
    for payload in Parser::new(0).parse_all(module) {
        if let Payload::CodeSectionEntry(body) = payload.map_err(|e| e.to_string())? {
            let mut reader = body.get_operators_reader().map_err(|e| e.to_string())?;
            while !reader.eof() {
                if matches!(
                    reader.read().map_err(|e| e.to_string())?,
                    Operator::TableSet { .. }
                        | Operator::TableGrow { .. }
                        | Operator::TableFill { .. }
                        | Operator::TableCopy { .. }
                        | Operator::TableInit { .. }
                ) {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

/// The library's own table slots, `slot -> function index`, if they hold
/// those functions for a whole run: no module of the component writes a table
/// at run time, and no other element segment (at a constant offset, or at its
/// module's `__table_base`, which is one of the `table_bases` the memory image
/// gives the other libraries) overlaps them. `None` when that cannot be shown.
pub fn fixed_slots(
    library: &[u8],
    others: &[&[u8]],
    table_bases: &[u32],
) -> Result<Option<HashMap<u32, u32>>, String> {
    let mut slots = HashMap::new();
    let mut own = (u32::MAX, 0u32);
    for payload in Parser::new(0).parse_all(library) {
        if let Payload::ElementSection(elements) = payload.map_err(|e| e.to_string())? {
            for element in elements {
                let element = element.map_err(|e| e.to_string())?;
                let ElementKind::Active { offset_expr, .. } = &element.kind else {
                    continue;
                };
                let (Some(start), ElementItems::Functions(functions)) =
                    (i32_constant(offset_expr), &element.items)
                else {
                    return Ok(None);
                };
                let start = start as u32;
                for (i, function) in functions.clone().into_iter().enumerate() {
                    slots.insert(start + i as u32, function.map_err(|e| e.to_string())?);
                }
                own = (own.0.min(start), own.1.max(start + functions.count()));
            }
        }
    }
    if slots.is_empty() || writes_tables(library)? {
        return Ok(None);
    }
    let overlaps = |start: u32, length: u32| start < own.1 && own.0 < start.saturating_add(length);
    for module in others {
        if writes_tables(module)? {
            return Ok(None);
        }
        for (start, length) in element_ranges(module)? {
            let reaches = match start {
                _ if length == 0 => false,
                SegmentStart::Slot(s) => overlaps(s, length),
                SegmentStart::TableBase => table_bases.iter().any(|s| overlaps(*s, length)),
                SegmentStart::Unknown => true,
            };
            if reaches {
                return Ok(None);
            }
        }
    }
    Ok(Some(slots))
}

/// Rewrites `module` (the library, after folding and `wasm-opt`), returning
/// it and the number of calls it devirtualised.
pub fn devirtualize(
    module: &[u8],
    memory: &SnapshotMemory,
    slots: &HashMap<u32, u32>,
) -> Result<(Vec<u8>, usize), String> {
    let mut types = Vec::new();
    // imported functions' types first, then the defined functions'
    let mut function_types = Vec::new();
    let mut imported = 0;
    for payload in Parser::new(0).parse_all(module) {
        match payload.map_err(|e| e.to_string())? {
            Payload::TypeSection(section) => {
                for ty in section.into_iter_err_on_gc_types() {
                    types.push(ty.map_err(|e| e.to_string())?);
                }
            }
            Payload::ImportSection(imports) => {
                for import in imports.into_imports() {
                    if let TypeRef::Func(ty) = import.map_err(|e| e.to_string())?.ty {
                        function_types.push(ty);
                    }
                }
            }
            Payload::FunctionSection(functions) => {
                imported = function_types.len();
                for ty in functions {
                    function_types.push(ty.map_err(|e| e.to_string())?);
                }
            }
            _ => {}
        }
    }
    let mut rewriter = Devirtualizer {
        memory,
        slots,
        types,
        function_types,
        next_body: imported as u32,
        rewritten: 0,
    };
    let mut encoded = wasm_encoder::Module::new();
    rewriter
        .parse_core_module(&mut encoded, Parser::new(0), module)
        .map_err(|e| format!("{e:?}"))?;
    Ok((encoded.finish(), rewriter.rewritten))
}

/// The value of a constant expression `i32.const C`.
fn i32_constant(expr: &wasmparser::ConstExpr<'_>) -> Option<i32> {
    let mut reader = expr.get_operators_reader();
    match (reader.read().ok()?, reader.read().ok()?) {
        (Operator::I32Const { value }, Operator::End) => Some(value),
        _ => None,
    }
}

struct Devirtualizer<'m> {
    memory: &'m SnapshotMemory,
    slots: &'m HashMap<u32, u32>,
    types: Vec<FuncType>,
    function_types: Vec<u32>,
    /// The function index of the next body in the code section.
    next_body: u32,
    rewritten: usize,
}

/// One call to rewrite: the operator position of its `call_indirect`, the
/// call's type, the slot its pointer held in the snapshot, and the function in
/// that slot.
struct Site {
    at: usize,
    type_index: u32,
    slot: u32,
    target: u32,
}

impl Devirtualizer<'_> {
    /// The calls of `operators` that read their table index from a fixed
    /// address whose snapshot value is a slot of the library holding a
    /// function of the call's type.
    fn sites(&self, operators: &[Operator<'_>]) -> Vec<Site> {
        let mut sites = Vec::new();
        for (at, window) in operators.windows(3).enumerate() {
            let [
                Operator::I32Const { value },
                Operator::I32Load { memarg },
                Operator::CallIndirect {
                    type_index,
                    table_index: 0,
                },
            ] = window
            else {
                continue;
            };
            if memarg.memory != 0 {
                continue;
            }
            let address = (*value as u32).wrapping_add(memarg.offset as u32);
            let slot = self.memory.read_u32(address);
            let Some(&target) = self.slots.get(&slot) else {
                continue;
            };
            let call_type = &self.types[*type_index as usize];
            let target_type = &self.types[self.function_types[target as usize] as usize];
            if call_type == target_type && call_type.results().len() <= 1 {
                sites.push(Site {
                    at: at + 2,
                    type_index: *type_index,
                    slot,
                    target,
                });
            }
        }
        sites
    }
}

impl Reencode for Devirtualizer<'_> {
    type Error = String;

    fn parse_function_body(
        &mut self,
        code: &mut wasm_encoder::CodeSection,
        func: FunctionBody<'_>,
    ) -> Result<(), reencode::Error<Self::Error>> {
        let function = self.next_body;
        self.next_body += 1;
        let operators: Vec<Operator<'_>> = func
            .get_operators_reader()?
            .into_iter()
            .collect::<Result<_, _>>()?;
        let sites = self.sites(&operators);
        if sites.is_empty() {
            return reencode::utils::parse_function_body(self, code, func);
        }

        // Scratch locals after the body's own: one i32 for the table index,
        // and one per parameter of the largest call type, by value type.
        let ty = &self.types[self.function_types[function as usize] as usize];
        let mut next_local = ty.params().len() as u32;
        let mut locals = Vec::new();
        for pair in func.get_locals_reader()? {
            let (count, ty) = pair?;
            next_local += count;
            locals.push((count, self.val_type(ty)?));
        }
        let index_local = next_local;
        locals.push((1, ValType::I32));
        next_local += 1;
        let mut scratch: HashMap<ValType, Vec<u32>> = HashMap::new();
        let mut site_params = Vec::new();
        for site in &sites {
            let type_index = site.type_index;
            let call_type = self.types[type_index as usize].clone();
            let mut used: HashMap<ValType, usize> = HashMap::new();
            let mut params = Vec::new();
            for param in call_type.params() {
                let vt = self.val_type(*param)?;
                let n = used.entry(vt).or_default();
                let pool = scratch.entry(vt).or_default();
                if pool.len() == *n {
                    pool.push(next_local);
                    locals.push((1, vt));
                    next_local += 1;
                }
                params.push(pool[*n]);
                *n += 1;
            }
            let result = match call_type.results().first() {
                None => BlockType::Empty,
                Some(one) => BlockType::Result(self.val_type(*one)?),
            };
            site_params.push((type_index, params, result));
        }

        let mut f = wasm_encoder::Function::new(locals);
        let mut next_site = sites.iter().zip(&site_params).peekable();
        for (at, operator) in operators.into_iter().enumerate() {
            let Some((site, (type_index, params, result))) =
                next_site.next_if(|(site, _)| site.at == at)
            else {
                f.instruction(&self.instruction(operator)?);
                continue;
            };
            f.instruction(&Instruction::LocalSet(index_local));
            for local in params.iter().rev() {
                f.instruction(&Instruction::LocalSet(*local));
            }
            f.instruction(&Instruction::LocalGet(index_local));
            f.instruction(&Instruction::I32Const(site.slot as i32));
            f.instruction(&Instruction::I32Eq);
            f.instruction(&Instruction::If(*result));
            for local in params {
                f.instruction(&Instruction::LocalGet(*local));
            }
            f.instruction(&Instruction::Call(site.target));
            f.instruction(&Instruction::Else);
            for local in params {
                f.instruction(&Instruction::LocalGet(*local));
            }
            f.instruction(&Instruction::LocalGet(index_local));
            f.instruction(&Instruction::CallIndirect {
                type_index: *type_index,
                table_index: 0,
            });
            f.instruction(&Instruction::End);
            self.rewritten += 1;
        }
        code.function(&f);
        Ok(())
    }
}
