"""PyTorch as the explorer's oracle: runs model code on a zero tensor.

Reads a JSON list of cases from stdin, each {"id", "code", "input", "train"},
and prints one JSON object per case: the output shape of every built-in layer
in the order forward runs them (recorded by forward hooks), the model's output
shape and parameter count, or the exception PyTorch (or Python) raised, with
the lines of the user's code in its traceback.

The model is found the way the explorer finds it (SUBSET.md): the last
top-level assignment or expression whose value is an nn.Module, else an
instance of the last nn.Module subclass defined at the top level.
"""
import ast
import json
import sys
import traceback

import torch
import torch.nn as nn

FILENAME = "<explorer>"


def prepare(code):
    """Compiles the code with every top-level expression kept in a variable."""
    tree = ast.parse(code, FILENAME)
    candidates = []
    body = []
    for i, stmt in enumerate(tree.body):
        if isinstance(stmt, ast.Expr):
            name = f"__explorer_expr_{i}"
            new = ast.Assign(targets=[ast.Name(id=name, ctx=ast.Store())], value=stmt.value)
            body.append(ast.fix_missing_locations(ast.copy_location(new, stmt)))
            candidates.append(("variable", name))
        else:
            body.append(stmt)
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                candidates.append(("variable", stmt.targets[0].id))
            elif isinstance(stmt, ast.ClassDef):
                candidates.append(("class", stmt.name))
    tree.body = body
    return compile(tree, FILENAME, "exec"), candidates


def find_model(namespace, candidates):
    variables = [n for kind, n in candidates if kind == "variable" and isinstance(namespace.get(n), nn.Module)]
    if variables:
        return namespace[variables[-1]]
    classes = [n for kind, n in candidates if kind == "class" and isinstance(namespace.get(n), type) and issubclass(namespace[n], nn.Module)]
    if not classes:
        raise LookupError("no model found")
    return namespace[classes[-1]]()


def user_frames(error):
    return [[f.name, f.lineno] for f in traceback.extract_tb(error.__traceback__) if f.filename == FILENAME]


def run_case(case):
    result = {"id": case["id"]}
    rows = []
    try:
        compiled, candidates = prepare(case["code"])
        namespace = {"__name__": "__explorer__"}
        exec(compiled, namespace)
        model = find_model(namespace, candidates)
        model.train(case.get("train", True))
        names = {}
        for name, module in model.named_modules():
            names.setdefault(module, name)
        for module in names:
            builtin_layer = type(module).__module__.startswith("torch.nn") and not isinstance(module, (nn.Sequential, nn.ModuleList))
            if builtin_layer:
                module.register_forward_hook(lambda m, i, o: rows.append([names[m], type(m).__name__, list(o.shape)]))
        torch.manual_seed(0)
        with torch.no_grad():
            out = model(torch.zeros(*case["input"]))
        result.update(ok=True, rows=rows, output=list(out.shape), params=sum(p.numel() for p in model.parameters()))
    except SyntaxError as error:  # IndentationError included: where Python's parser stopped
        result.update(ok=False, rows=rows, error=f"{type(error).__name__}: {error.msg}", frames=[["<syntax>", error.lineno]])
    except Exception as error:  # the oracle reports every failure, as the explorer must
        text = str(error).splitlines()[0] if str(error) else ""
        result.update(ok=False, rows=rows, error=f"{type(error).__name__}: {text}", frames=user_frames(error))
    return result


def main():
    cases = json.load(sys.stdin)
    out = [run_case(case) for case in cases]
    json.dump({"torch": torch.__version__, "python": sys.version.split()[0], "results": out}, sys.stdout)


if __name__ == "__main__":
    main()
