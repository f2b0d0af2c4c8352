# vse-pyscan: the Python half of `virt-support scan`. Parses Python files with
# Python's own ast module (never regular expressions) and prints one JSON
# document on stdout. virt-support runs it with `python3 -I -c` from a copy
# compiled into the program; this file is also installed so it can be read.
#
#   vse-pyscan.py scan [--methods=a,b] FILE...
#                                  libvirt uses and the guards around them
#                                  (method calls only of these names)
#   vse-pyscan.py binding FILE...  method -> C function map of libvirt-python
#                                  (libvirt.py, libvirt_qemu.py, libvirt_lxc.py)
#
# A file that cannot be read or parsed gets an "error" with its line; the
# other files are still scanned.
import ast
import io
import json
import sys
import tokenize

LIBVIRT_MODULES = {"libvirt", "libvirt_qemu", "libvirt_lxc"}
VERSION_CALLS = {"getLibVersion", "getVersion"}
FALLBACK_EXCEPTIONS = {"libvirtError"}


def version_text(number):
    return "%d.%d.%d" % (number // 1000000, number // 1000 % 1000, number % 1000)


class SourceError(Exception):
    def __init__(self, line, message):
        super().__init__(message)
        self.line = line


def read_source(path):
    """The file's text, decoded as Python would run it (its coding
    declaration, else UTF-8): ast.parse() of bytes is laxer than the
    interpreter about bytes in comments."""
    with open(path, "rb") as f:
        data = f.read()
    if b"\0" in data[:8192]:
        raise SourceError(0, "binary file (NUL byte), not Python source")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as e:
        raise SourceError(e.lineno or 1, "SyntaxError: %s" % e.msg)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise SourceError(data[:e.start].count(b"\n") + 1,
                          "not valid %s (byte 0x%02x) and no coding declaration says otherwise"
                          % (encoding, data[e.start]))


class Guards:
    """What protects the code being walked: the lowest libvirt version it
    runs on, names checked with hasattr/getattr, whether a libvirtError
    handler catches what fails."""

    def __init__(self, version=None, present=frozenset(), fallback=False):
        self.version = version
        self.present = present
        self.fallback = fallback

    def with_(self, version=None, present=(), fallback=False):
        v = self.version
        if version is not None and (v is None or version > v):
            v = version
        return Guards(v, self.present | frozenset(present), self.fallback or fallback)


class Scanner:
    def __init__(self, path, methods=None):
        self.path = path
        self.methods = methods  # method names worth reporting; None: every call
        self.uses = []
        self.guards = []
        self.aliases = {}  # name bound to a libvirt module -> the module
        self.imported = {}  # name bound by `from libvirt import X` -> X
        self.version_vars = set()  # variables assigned from getLibVersion()

    # -- uses ---------------------------------------------------------------
    def add(self, kind, name, spelled, node, guards, module=None):
        self.uses.append({
            "kind": kind, "name": name, "spelled": spelled, "module": module,
            "line": node.lineno, "col": node.col_offset + 1,
            "guardedFrom": version_text(guards.version) if guards.version is not None else None,
            "presence": name in guards.present,
            "fallback": guards.fallback,
        })

    def is_module(self, node):
        return isinstance(node, ast.Name) and node.id in self.aliases

    def spelled(self, node):
        """A dotted name as written (conn.lookupByName); `(...)` for any
        other receiver. ast.unparse would cost more than the whole parse."""
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        parts.append(node.id if isinstance(node, ast.Name) else "(...)")
        return ".".join(reversed(parts))

    # -- guard conditions ---------------------------------------------------
    def is_version_expr(self, node):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            return node.func.attr in VERSION_CALLS
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return self.imported.get(node.func.id) == "getVersion"
        return isinstance(node, ast.Name) and node.id in self.version_vars

    def condition(self, test):
        """(version for the body, version for the else branch, names present
        in the body, names present in the else branch)."""
        body_v = else_v = None
        body_p, else_p = set(), set()
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
            for value in test.values:
                bv, _, bp, _ = self.condition(value)
                if bv is not None and (body_v is None or bv > body_v):
                    body_v = bv
                body_p |= bp
            return body_v, None, body_p, set()
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            bv, ev, bp, ep = self.condition(test.operand)
            return ev, bv, ep, bp
        if (isinstance(test, ast.Call) and isinstance(test.func, ast.Name)
                and test.func.id == "hasattr" and len(test.args) == 2
                and isinstance(test.args[1], ast.Constant) and isinstance(test.args[1].value, str)):
            return None, None, {test.args[1].value}, set()
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            left, op, right = test.left, test.ops[0], test.comparators[0]
            if self.is_version_expr(right) and isinstance(left, ast.Constant):
                left, right = right, left
                op = {ast.Lt: ast.Gt(), ast.LtE: ast.GtE(), ast.Gt: ast.Lt(), ast.GtE: ast.LtE()}.get(type(op), op)
            if (self.is_version_expr(left) and isinstance(right, ast.Constant)
                    and isinstance(right.value, int) and not isinstance(right.value, bool)):
                n = right.value
                if isinstance(op, ast.GtE):
                    body_v = n
                elif isinstance(op, ast.Gt):
                    body_v = n + 1
                elif isinstance(op, ast.Lt):
                    else_v = n
                elif isinstance(op, ast.LtE):
                    else_v = n + 1
                if body_v is not None or else_v is not None:
                    self.guards.append({"line": test.lineno, "col": test.col_offset + 1,
                                        "version": version_text(body_v if body_v is not None else else_v),
                                        "text": ast.unparse(test)})
        return body_v, else_v, body_p, else_p

    # -- statements ---------------------------------------------------------
    def block(self, stmts, guards):
        for stmt in stmts:
            self.stmt(stmt, guards)
            # `if not hasattr(...): return` / `if ver < N: raise` protect the
            # rest of the block like an else branch.
            if isinstance(stmt, ast.If) and not stmt.orelse and stmt.body and isinstance(
                    stmt.body[-1], (ast.Return, ast.Raise, ast.Continue, ast.Break)):
                _, else_v, _, else_p = self.condition_quiet(stmt.test)
                if else_v is not None or else_p:
                    guards = guards.with_(version=else_v, present=else_p)

    def condition_quiet(self, test):
        saved = list(self.guards)
        result = self.condition(test)
        self.guards = saved
        return result

    def stmt(self, node, guards):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name in LIBVIRT_MODULES:
                    self.aliases[a.asname or a.name] = a.name
            return
        if isinstance(node, ast.ImportFrom):
            if node.module in LIBVIRT_MODULES and node.level == 0:
                for a in node.names:
                    self.imported[a.asname or a.name] = a.name
                    self.add("import", a.name, "from %s import %s" % (node.module, a.name), node, guards,
                             node.module)
            return
        if isinstance(node, ast.If):
            self.expr(node.test, guards)
            bv, ev, bp, ep = self.condition(node.test)
            self.block(node.body, guards.with_(version=bv, present=bp))
            self.block(node.orelse, guards.with_(version=ev, present=ep))
            return
        if isinstance(node, (ast.Try, getattr(ast, "TryStar", ast.Try))):
            catches = any(self.catches_libvirt_error(h) for h in node.handlers)
            self.block(node.body, guards.with_(fallback=catches))
            for h in node.handlers:
                self.block(h.body, guards)
            self.block(node.orelse, guards)
            self.block(node.finalbody, guards)
            return
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if self.is_version_expr(node.value):
                self.version_vars.add(node.targets[0].id)
        # Anything else: walk expressions, then nested statement lists.
        for field, value in ast.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                self.block(value, guards)
            elif isinstance(value, list):
                for v in value:
                    if isinstance(v, ast.AST):
                        self.any(v, guards)
            elif isinstance(value, ast.AST):
                self.any(value, guards)

    def any(self, node, guards):
        if isinstance(node, ast.stmt):
            self.stmt(node, guards)
        elif isinstance(node, ast.expr):
            self.expr(node, guards)
        else:  # handlers, match cases, comprehensions, arguments...
            for field, value in ast.iter_fields(node):
                if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                    self.block(value, guards)
                elif isinstance(value, list):
                    for v in value:
                        if isinstance(v, ast.AST):
                            self.any(v, guards)
                elif isinstance(value, ast.AST):
                    self.any(value, guards)

    def catches_libvirt_error(self, handler):
        t = handler.type
        if t is None:
            return True
        names = t.elts if isinstance(t, ast.Tuple) else [t]
        for n in names:
            name = n.attr if isinstance(n, ast.Attribute) else n.id if isinstance(n, ast.Name) else ""
            if name in FALLBACK_EXCEPTIONS or name in ("Exception", "BaseException"):
                return True
        return False

    # -- expressions --------------------------------------------------------
    def expr(self, root, guards):
        stack = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, ast.Call):
                f = node.func
                if (isinstance(f, ast.Name) and f.id == "getattr" and len(node.args) >= 2
                        and self.is_module(node.args[0]) and isinstance(node.args[1], ast.Constant)
                        and isinstance(node.args[1].value, str)):
                    name = node.args[1].value
                    self.add("constant" if name.startswith("VIR_") else "module-call", name,
                             "getattr(%s, %r)" % (node.args[0].id, name), node,
                             guards.with_(present={name} if len(node.args) > 2 else ()),
                             self.aliases[node.args[0].id])
                    stack.extend(node.args[2:])
                    continue
                if isinstance(f, ast.Attribute):
                    if self.is_module(f.value):
                        self.add("module-call", f.attr, self.spelled(f), f, guards, self.aliases[f.value.id])
                    else:
                        if self.methods is None or f.attr in self.methods:
                            self.add("call", f.attr, self.spelled(f), f, guards)
                        stack.append(f.value)
                    stack.extend(node.args)
                    stack.extend(k.value for k in node.keywords)
                    continue
            elif isinstance(node, ast.Attribute) and self.is_module(node.value):
                if node.attr.startswith("VIR_"):
                    self.add("constant", node.attr, self.spelled(node), node, guards,
                             self.aliases[node.value.id])
                continue
            elif isinstance(node, ast.Lambda):
                stack.append(node.body)
                continue
            stack.extend(ast.iter_child_nodes(node))


def scan(paths, methods=None):
    out = []
    for path in paths:
        result = {"file": path, "uses": [], "guards": []}
        try:
            source = read_source(path)
            tree = ast.parse(source, filename=path)
        except SyntaxError as e:
            result["error"] = {"line": e.lineno or 0, "message": "SyntaxError: %s" % e.msg}
        except SourceError as e:
            result["error"] = {"line": e.line, "message": str(e)}
        except OSError as e:
            result["error"] = {"line": 0, "message": "cannot read: %s" % (e.strerror or e)}
        except ValueError as e:
            result["error"] = {"line": 0, "message": str(e)}
        except RecursionError:
            result["error"] = {"line": 0, "message": "nesting too deep to parse"}
        else:
            s = Scanner(path, methods)
            try:
                s.block(tree.body, Guards())
            except RecursionError:
                result["error"] = {"line": 0, "message": "nesting too deep to scan"}
            result["uses"] = s.uses
            result["guards"] = s.guards
        out.append(result)
    return {"files": out}


def binding(paths):
    """Every libvirtmod*.virXxx call of each method and module function."""
    classes, functions, constants, errors = {}, {}, [], []

    def c_calls(fn):
        calls = []
        for n in ast.walk(fn):
            if (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                    and isinstance(n.func.value, ast.Name) and n.func.value.id.startswith("libvirtmod")
                    and n.func.attr not in calls):
                calls.append(n.func.attr)
        return calls

    for path in paths:
        module = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        try:
            tree = ast.parse(read_source(path), filename=path)
        except (SyntaxError, ValueError, OSError) as e:
            errors.append({"file": path, "line": getattr(e, "lineno", 0) or 0, "message": str(e)})
            continue
        except SourceError as e:
            errors.append({"file": path, "line": e.line, "message": str(e)})
            continue
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                methods = classes.setdefault(node.name, {})
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        methods[item.name] = {"calls": c_calls(item), "line": item.lineno}
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                functions[module + "." + node.name] = {"calls": c_calls(node), "line": node.lineno}
            elif isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Name) and t.id.startswith("VIR_"):
                        constants.append(t.id)
    return {"classes": classes, "functions": functions, "constants": constants, "errors": errors}


def main(argv):
    if len(argv) < 2 or argv[1] not in ("scan", "binding"):
        sys.stderr.write("usage: vse-pyscan.py scan|binding FILE...\n")
        return 2
    files = argv[2:]
    methods = None
    if files and files[0].startswith("--methods="):
        methods = set(files.pop(0)[len("--methods="):].split(","))
    if files == ["-"]:
        files = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    result = scan(files, methods) if argv[1] == "scan" else binding(files)
    # dumps uses the C encoder; dump() streams through the Python one.
    sys.stdout.write(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    sys.exit(main(sys.argv))
