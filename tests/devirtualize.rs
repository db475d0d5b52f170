//! The build's guarded devirtualisation (`build/python/devirtualize.rs`) on small
//! modules: which calls it rewrites, when it refuses, and that a rewritten
//! module computes what the original does, whatever the pointer holds.

#[path = "../build/python/devirtualize.rs"]
mod devirtualize;

use devirtualize::{SnapshotMemory, devirtualize, fixed_slots};
use std::collections::HashMap;
use wasm_encoder::{
    CodeSection, ConstExpr, DataSection, ElementSection, Elements, EntityType, ExportKind,
    ExportSection, Function, FunctionSection, ImportSection, Instruction, MemArg, MemoryType,
    Module, RefType, TableType, TypeSection, ValType,
};
use wasmtime::{Engine, Instance, Store};

/// Where the library keeps its function pointer.
const POINTER: i32 = 16;
/// The table slot of the library's first function.
const FIRST_SLOT: i32 = 1;

fn memarg() -> MemArg {
    MemArg {
        offset: 0,
        align: 2,
        memory_index: 0,
    }
}

/// A table of at least `minimum` function references.
fn funcref_table(minimum: u64) -> TableType {
    TableType {
        element_type: RefType::FUNCREF,
        table64: false,
        minimum,
        maximum: None,
        shared: false,
    }
}

/// A 32-bit linear memory of one page.
fn one_page() -> MemoryType {
    MemoryType {
        minimum: 1,
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    }
}

/// A library with a table of 5 slots: `double` and `triple` in slots 1 and 2,
/// and `negate`, of another type, in slot 3. `call_through(x)` calls the
/// function whose slot is stored at `POINTER`; `set_pointer(slot)` stores it.
fn library() -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32], [ValType::I32]); // 0: i32 -> i32
    types.ty().function([ValType::I64], [ValType::I64]); // 1: i64 -> i64
    types.ty().function([ValType::I32], []); // 2: i32 -> ()
    let mut functions = FunctionSection::new();
    for ty in [0, 0, 1, 0, 2] {
        functions.function(ty);
    }
    let mut tables = wasm_encoder::TableSection::new();
    tables.table(funcref_table(5));
    let mut memories = wasm_encoder::MemorySection::new();
    memories.memory(one_page());
    let mut exports = ExportSection::new();
    exports.export("call_through", ExportKind::Func, 3);
    exports.export("set_pointer", ExportKind::Func, 4);
    let mut elements = ElementSection::new();
    elements.active(
        Some(0),
        &ConstExpr::i32_const(FIRST_SLOT),
        Elements::Functions([0, 1, 2].as_slice().into()),
    );

    let mut code = CodeSection::new();
    for factor in [2, 3] {
        let mut f = Function::new([]);
        f.instructions()
            .local_get(0)
            .i32_const(factor)
            .i32_mul()
            .end();
        code.function(&f);
    }
    let mut negate = Function::new([]);
    negate
        .instructions()
        .i64_const(0)
        .local_get(0)
        .i64_sub()
        .end();
    code.function(&negate);
    let mut call_through = Function::new([]);
    call_through
        .instructions()
        .local_get(0)
        .i32_const(POINTER)
        .i32_load(memarg())
        .call_indirect(0, 0)
        .end();
    code.function(&call_through);
    let mut set_pointer = Function::new([]);
    set_pointer
        .instructions()
        .i32_const(POINTER)
        .local_get(0)
        .i32_store(memarg())
        .end();
    code.function(&set_pointer);

    let mut module = Module::new();
    module
        .section(&types)
        .section(&functions)
        .section(&tables)
        .section(&memories)
        .section(&exports)
        .section(&elements)
        .section(&code);
    module.finish()
}

/// A memory image whose snapshot holds `slot` at `POINTER`.
fn image(slot: u32) -> Vec<u8> {
    let mut memories = wasm_encoder::MemorySection::new();
    memories.memory(one_page());
    let mut data = DataSection::new();
    data.active(0, &ConstExpr::i32_const(POINTER), slot.to_le_bytes());
    let mut module = Module::new();
    module.section(&memories).section(&data);
    module.finish()
}

/// Another module of the component: an element segment of `length` slots at
/// `offset` (a constant, or its imported `env.__table_base`), and optionally
/// a function that writes the table.
fn other(offset: Option<i32>, length: u32, writes_table: bool) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([], []);
    let mut imports = ImportSection::new();
    imports.import(
        "env",
        "__indirect_function_table",
        EntityType::Table(funcref_table(0)),
    );
    imports.import(
        "env",
        "__table_base",
        EntityType::Global(wasm_encoder::GlobalType {
            val_type: ValType::I32,
            mutable: false,
            shared: false,
        }),
    );
    let mut functions = FunctionSection::new();
    functions.function(0);
    let mut elements = ElementSection::new();
    let start = match offset {
        Some(slot) => ConstExpr::i32_const(slot),
        None => ConstExpr::global_get(0),
    };
    let items = vec![0; length as usize];
    elements.active(Some(0), &start, Elements::Functions(items.into()));
    let mut code = CodeSection::new();
    let mut f = Function::new([]);
    if writes_table {
        f.instruction(&Instruction::I32Const(1));
        f.instruction(&Instruction::RefNull(wasm_encoder::HeapType::FUNC));
        f.instruction(&Instruction::TableSet(0));
    }
    f.instruction(&Instruction::End);
    code.function(&f);
    let mut module = Module::new();
    module
        .section(&types)
        .section(&imports)
        .section(&functions)
        .section(&elements)
        .section(&code);
    module.finish()
}

fn slots_of(library: &[u8]) -> HashMap<u32, u32> {
    fixed_slots(library, &[], &[])
        .expect("parses")
        .expect("nothing else writes the table")
}

/// `call_through(x)` with each pointer value, `Err` where it traps.
fn outcomes(module: &[u8], x: i32) -> Vec<Result<i32, String>> {
    let engine = Engine::default();
    let module = wasmtime::Module::new(&engine, module).expect("the module validates");
    (0..6)
        .map(|slot| {
            let mut store = Store::new(&engine, ());
            let instance = Instance::new(&mut store, &module, &[]).unwrap();
            let set = instance
                .get_typed_func::<i32, ()>(&mut store, "set_pointer")
                .unwrap();
            let call = instance
                .get_typed_func::<i32, i32>(&mut store, "call_through")
                .unwrap();
            set.call(&mut store, slot).unwrap();
            call.call(&mut store, x).map_err(|e| {
                e.downcast_ref::<wasmtime::Trap>()
                    .map(|t| t.to_string())
                    .unwrap_or_else(|| e.to_string())
            })
        })
        .collect()
}

#[test]
fn a_call_through_a_fixed_pointer_becomes_a_guarded_direct_call() {
    let original = library();
    let memory = SnapshotMemory::from_image(&image(1)).unwrap();
    let (rewritten, count) = devirtualize(&original, &memory, &slots_of(&original)).unwrap();
    assert_eq!(count, 1);
    wasmparser::Validator::new()
        .validate_all(&rewritten)
        .expect("the rewritten module validates");
    // `call_through` now calls `double` (function 0) directly
    let direct_calls = wasmparser::Parser::new(0)
        .parse_all(&rewritten)
        .filter_map(|p| match p.unwrap() {
            wasmparser::Payload::CodeSectionEntry(body) => Some(body),
            _ => None,
        })
        .flat_map(|body| {
            body.get_operators_reader()
                .unwrap()
                .into_iter()
                .map(|op| {
                    matches!(
                        op.unwrap(),
                        wasmparser::Operator::Call { function_index: 0 }
                    )
                })
                .collect::<Vec<_>>()
        })
        .filter(|is_call| *is_call)
        .count();
    assert_eq!(direct_calls, 1);
}

#[test]
fn a_rewritten_call_computes_what_the_original_does_whatever_the_pointer_holds() {
    let original = library();
    let memory = SnapshotMemory::from_image(&image(1)).unwrap();
    let (rewritten, _) = devirtualize(&original, &memory, &slots_of(&original)).unwrap();
    let before = outcomes(&original, 7);
    let after = outcomes(&rewritten, 7);
    assert_eq!(before, after);
    // slot 1 doubles (the guarded path), slot 2 triples (the indirect path);
    // slots 0 and 4 are empty, 3 holds a function of another type, 5 is past
    // the table's end
    assert_eq!(after[1], Ok(14));
    assert_eq!(after[2], Ok(21));
    for trapping in [0, 3, 4, 5] {
        assert!(
            after[trapping].is_err(),
            "slot {trapping}: {:?}",
            after[trapping]
        );
    }
}

#[test]
fn a_pointer_to_a_function_of_another_type_or_outside_the_library_stays_indirect() {
    let original = library();
    let slots = slots_of(&original);
    for slot in [3, 0, 4, 7, 1000] {
        let memory = SnapshotMemory::from_image(&image(slot)).unwrap();
        let (rewritten, count) = devirtualize(&original, &memory, &slots).unwrap();
        assert_eq!(count, 0, "slot {slot}");
        assert_eq!(outcomes(&rewritten, 7), outcomes(&original, 7));
    }
}

#[test]
fn slots_another_module_can_reach_are_not_fixed() {
    let library = library();
    let fixed = |others: &[Vec<u8>], bases: &[u32]| {
        let others: Vec<&[u8]> = others.iter().map(Vec::as_slice).collect();
        fixed_slots(&library, &others, bases).unwrap().is_some()
    };
    // the library's own slots are 1..4
    assert!(fixed(&[other(Some(4), 2, false)], &[]));
    assert!(!fixed(&[other(Some(3), 2, false)], &[]));
    assert!(fixed(&[other(None, 2, false)], &[4, 10]));
    assert!(!fixed(&[other(None, 2, false)], &[0, 10]));
    assert!(!fixed(&[other(Some(100), 1, true)], &[]));
}
