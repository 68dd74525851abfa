# lit configuration: every .flow and .test file under test/ (outside Inputs/,
# unit/, perf/, fuzz/ and scripts/) is a test whose RUN lines call `mac`,
# FileCheck, not and split-file.
import os

import lit.formats

config.name = "mac"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".flow", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.mac_obj_root, "test")
config.excludes = ["Inputs", "unit", "perf", "fuzz", "scripts"]

config.environment["PATH"] = os.pathsep.join(
    [config.mac_bin_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
config.environment["SOURCE_DATE_EPOCH"] = "1767225600"
config.substitutions.append(("%examples", os.path.join(config.mac_src_root, "docs", "examples")))
config.substitutions.append(("%shared", config.shared_dir))
config.substitutions.append(("%python", "python3"))
config.substitutions.append(("%S_scripts", os.path.join(config.mac_src_root, "test", "scripts")))
config.substitutions.append(("%editors", os.path.join(config.mac_src_root, "editors")))
config.substitutions.append(("%node", "node"))
