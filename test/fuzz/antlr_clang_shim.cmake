# clang rejects a header of Debian's ANTLR 4.9 runtime that gcc accepts:
# misc/InterpreterDataReader.h gives InterpreterData a user-provided default
# constructor although its dfa::Vocabulary member cannot be default-built
# (a const std::vector member). mac never uses InterpreterData. For clang
# builds (MAC_FUZZ) this writes a copy of the header with that constructor
# defaulted, and a clang VFS overlay (-ivfsoverlay) that puts the copy in
# the system header's place. Nothing is installed or committed.
set(_antlr_header /usr/include/antlr4-runtime/misc/InterpreterDataReader.h)
set(_shim_dir ${CMAKE_BINARY_DIR}/antlr_clang_shim)
file(READ ${_antlr_header} _text)
string(REPLACE "InterpreterData() {};" "InterpreterData() = default;" _patched "${_text}")
if(_patched STREQUAL _text)
  message(STATUS "antlr_clang_shim: ${_antlr_header} needs no patch")
  return()
endif()
# Written through configure_file so that a re-run of CMake leaves unchanged
# files alone (a new timestamp would rebuild everything that includes ANTLR).
file(WRITE ${_shim_dir}/InterpreterDataReader.h.in "${_patched}")
configure_file(${_shim_dir}/InterpreterDataReader.h.in ${_shim_dir}/InterpreterDataReader.h COPYONLY)
file(WRITE ${_shim_dir}/overlay.yaml.in "{
  'version': 0,
  'roots': [{
    'name': '/usr/include/antlr4-runtime/misc', 'type': 'directory',
    'contents': [{ 'name': 'InterpreterDataReader.h', 'type': 'file',
                   'external-contents': '${_shim_dir}/InterpreterDataReader.h' }]
  }]
}
")
configure_file(${_shim_dir}/overlay.yaml.in ${_shim_dir}/overlay.yaml COPYONLY)
add_compile_options(-ivfsoverlay ${_shim_dir}/overlay.yaml)
