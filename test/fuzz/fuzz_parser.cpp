// libFuzzer target for the parser: any bytes as one .flow file through
// syntax::parseFileWithComments (size and UTF-8 checks, the ANTLR lexer and
// parser, literal decoding and the AST builder). Parsing must never crash,
// whatever it reports; an AST must always come back.
#include "compiler/syntax/parse.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mac::SourceManager sources;
  mac::FileId file = sources.addFile("fuzz.flow", "/fuzz/fuzz.flow",
                                     std::string(reinterpret_cast<const char *>(data), size));
  mac::diag::Engine diags;
  mac::syntax::ParseResult result = mac::syntax::parseFileWithComments(sources, file, diags);
  if (!result.file)
    std::abort(); // parseFile promises an AST, even an empty one
  diags.sortAndDeduplicate(sources);
  return 0;
}
