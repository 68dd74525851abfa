// libFuzzer target for the parser: any bytes as one .flow file through
// syntax::parseFileWithComments (size and UTF-8 checks, the hand-written
// lexer, the recursive-descent fast path, the ANTLR parser, literal decoding
// and the AST builder). Parsing must never crash, whatever it reports; an AST
// must always come back. On valid UTF-8 the hand-written lexer must also give
// exactly the tokens of ANTLR's generated FlowLexer
// (test/support/lexer_equivalence.h), and wherever the fast path accepts the
// input, the ANTLR path must report nothing and build the same AST
// (test/support/parser_equivalence.h).
#include "compiler/syntax/parse.h"
#include "test/support/lexer_equivalence.h"
#include "test/support/parser_equivalence.h"

#include <llvm/Support/ConvertUTF.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  mac::SourceManager sources;
  mac::FileId file = sources.addFile("fuzz.flow", "/fuzz/fuzz.flow", text);
  mac::diag::Engine diags;
  mac::syntax::ParseResult result = mac::syntax::parseFileWithComments(sources, file, diags);
  if (!result.file)
    std::abort(); // parseFile promises an AST, even an empty one
  diags.sortAndDeduplicate(sources);

  const llvm::UTF8 *begin = data;
  if (llvm::isLegalUTF8String(&begin, data + size)) {
    std::string difference = mac::test::firstLexerDifference(text);
    if (!difference.empty()) {
      std::fprintf(stderr, "lexers differ: %s\n", difference.c_str());
      std::abort();
    }
    difference = mac::test::firstParserDifference(text);
    if (!difference.empty()) {
      std::fprintf(stderr, "parsers differ: %s\n", difference.c_str());
      std::abort();
    }
  }
  return 0;
}
