# ast: parse, dump, walk, transform, unparse, literal_eval
import ast

tree = ast.parse("x = 1 + 2 * y\nif x > 3:\n    print(x)\n")
print(ast.dump(tree.body[0]))
print(sorted({type(n).__name__ for n in ast.walk(tree)}))

class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

new = ast.fix_missing_locations(Doubler().visit(tree))
print(ast.unparse(new))
print(ast.literal_eval("{'a': [1, 2.5, (3, None)], 'b': -4, 's': {1, 2}}"))
try:
    ast.literal_eval("__import__('os')")
except ValueError as exc:
    print("ValueError:", str(exc).split(":")[0])
names = [n.id for n in ast.walk(ast.parse("a = b + c(d)")) if isinstance(n, ast.Name)]
print(names)
fn = ast.parse("def f(a, b=2, *args, c, **kw):\n    'doc'\n    return a").body[0]
print(fn.name, [a.arg for a in fn.args.args], fn.args.kwonlyargs[0].arg, ast.get_docstring(fn), fn.lineno, fn.end_lineno)
try:
    ast.parse("def broken(:\n")
except SyntaxError as exc:
    print("SyntaxError", exc.lineno)
