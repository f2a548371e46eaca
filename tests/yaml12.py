# tests/yaml12.py: YAML read as an editor's YAML language server reads it
# (YAML 1.2, core schema), for the tests that check routines against the
# schema: tests/schema_validate.py and tests/routine_new.sh.
#
#   from yaml12 import Yaml12Loader
#   doc = yaml.load(text, Loader=Yaml12Loader)
#
# (with this directory on sys.path: beside the script, or PYTHONPATH).
import re

import yaml

# PyYAML resolves plain scalars by YAML 1.1 (yes and on are true, 1:30 is
# 90, 010 is 8, 2026-12-06 a date); an editor reads YAML 1.2's core schema,
# where only true/false are booleans and only decimal, 0o and 0x numbers
# are numbers.  This loader resolves by the core schema alone.
class Yaml12Loader(yaml.SafeLoader):
    pass


Yaml12Loader.yaml_implicit_resolvers = {}


def _resolver(tag, pattern, first):
    Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag,
                                       re.compile(pattern, re.X), list(first))


_resolver("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])
_resolver("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolver("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789")
_resolver("float", r"""^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
                         |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$""",
          "-+0123456789.")


def _int12(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    return int(v, 10)  # 010 is ten, not YAML 1.1's eight


def _float12(loader, node):
    v = loader.construct_scalar(node).lower()
    if v.endswith(".inf"):
        return float("-inf") if v.startswith("-") else float("inf")
    if v == ".nan":
        return float("nan")
    return float(v)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float12)
Yaml12Loader.add_constructor(
    "tag:yaml.org,2002:bool",
    lambda loader, node: loader.construct_scalar(node).lower() == "true")
