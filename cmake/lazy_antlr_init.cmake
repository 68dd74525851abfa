# Makes a generated ANTLR 4.7.2 recognizer initialise its shared state on
# first use instead of at program start.
#
# The generated FlowLexer.cpp and FlowParser.cpp define a static
# `Initializer _init` whose constructor deserialises the grammar's ATN
# (about 15 M instructions, 4 ms). Every `mac` run paid it before main(),
# although most runs never build an ANTLR recognizer: the recursive-descent
# parser handles every file without errors. This script removes that static
# definition and starts each recognizer's constructor with a function-local
# `static const Initializer`, which C++ initialises once, thread-safely, the
# first time a lexer or parser is constructed. All other uses of the shared
# state (getATN(), the DFA caches) go through a constructed recognizer.
#
# Usage: cmake -DFILE=<generated .cpp> -DCLASS=<FlowLexer|FlowParser>
#              -DBASE=<Lexer|Parser> -DSTREAM=<CharStream|TokenStream>
#              -P lazy_antlr_init.cmake
# Fails the build when the generated code does not have the expected shape
# (e.g. a different ANTLR version), rather than leaving it half patched.

file(READ "${FILE}" text)

set(definition "${CLASS}::Initializer ${CLASS}::_init;")
set(constructor "${CLASS}::${CLASS}(${STREAM} *input) : ${BASE}(input) {\n")
foreach(expected IN ITEMS "${definition}" "${constructor}")
  string(FIND "${text}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "lazy_antlr_init: '${expected}' not found in ${FILE}; "
                        "the generated code changed shape (ANTLR version?)")
  endif()
endforeach()

string(REPLACE "${definition}"
               "// (initialised on first construction: cmake/lazy_antlr_init.cmake)"
               text "${text}")
string(REPLACE "${constructor}"
               "${constructor}  static const Initializer initializeOnce;\n  (void)initializeOnce;\n"
               text "${text}")
file(WRITE "${FILE}" "${text}")
