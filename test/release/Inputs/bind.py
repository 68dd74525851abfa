"""Adds platform ids to a bundle's bindings file, for the release tests:
`bind.py FILE KIND NAME ID` sets FILE[KIND][NAME] = ID (as the platform
would have assigned once the asset was created)."""
import json
import pathlib
import sys

path, kind, name, value = pathlib.Path(sys.argv[1]), *sys.argv[2:5]
bindings = json.loads(path.read_text())
bindings.setdefault(kind, {})[name] = value
path.write_text(json.dumps(bindings, indent=2, sort_keys=True) + "\n")
