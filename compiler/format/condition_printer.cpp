// Conditions as flat pieces (operand text, and the operator before it with a
// break rank), joined on one line or broken at the lowest ranks that make
// every line fit. Recursion depth is bounded by the parser's nesting limit.
#include "compiler/format/condition_printer.h"

#include <vector>

namespace mac::format {
namespace {

/// An operand, with the operator written before it (none for the first).
struct Piece {
  std::string op; ///< "and", "or" or empty
  int rank = 0;   ///< lower breaks first: or < and, outer < inner
  std::string text;
};

std::string_view compareOp(ast::CompareOp op) {
  switch (op) {
  case ast::CompareOp::Eq:
    return "==";
  case ast::CompareOp::Ne:
    return "!=";
  case ast::CompareOp::Lt:
    return "<";
  case ast::CompareOp::Le:
    return "<=";
  case ast::CompareOp::Gt:
    return ">";
  case ast::CompareOp::Ge:
    return ">=";
  }
  return "==";
}

std::string atom(const ast::Condition &c, const Spelling &spelling) {
  using K = ast::CondKind;
  const std::string &name = c.name.text;
  auto value = [&](size_t i) { return i < c.values.size() ? spelling.literal(c.values[i]) : ""; };
  switch (c.kind) {
  case K::True:
    return "true";
  case K::False:
    return "false";
  case K::Consent:
    return "consent " + name;
  case K::Flag:
    return "flag " + name;
  case K::InList:
    return "in list " + name;
  case K::InSegment:
    return "in segment " + name;
  case K::HasTag:
    return "has tag " + name;
  case K::Compare:
    return name + " " + std::string(compareOp(c.op)) + " " + value(0);
  case K::Contains:
    return name + " contains " + value(0);
  case K::StartsWith:
    return name + " starts_with " + value(0);
  case K::EndsWith:
    return name + " ends_with " + value(0);
  case K::IsSet:
    return name + " is set";
  case K::IsEmpty:
    return name + " is empty";
  case K::InValues: {
    std::string out = name + " in [";
    for (size_t i = 0; i < c.values.size(); ++i)
      out += (i ? ", " : "") + value(i);
    return out + "]";
  }
  default:
    return "";
  }
}

class Flattener {
public:
  explicit Flattener(const Spelling &spelling) : spelling_(spelling) {}

  /// Appends `c` to the pieces; `prefix` goes before its first operand.
  void add(const ast::Condition &c, int depth, std::string prefix) {
    using K = ast::CondKind;
    if (c.kind == K::Not && !c.children.empty()) {
      const ast::Condition &child = *c.children.front();
      bool group = child.kind == K::And || child.kind == K::Or;
      return group ? addGroup(child, depth, prefix + "not ") : add(child, depth, prefix + "not ");
    }
    if (c.kind != K::And && c.kind != K::Or) {
      pieces_.push_back({pendingOp_, pendingRank_, prefix + atom(c, spelling_)});
      pendingOp_.clear();
      return;
    }
    bool isAnd = c.kind == K::And;
    for (size_t i = 0; i < c.children.size(); ++i) {
      const ast::Condition &child = *c.children[i];
      if (i > 0) {
        pendingOp_ = isAnd ? "and" : "or";
        pendingRank_ = depth * 2 + (isAnd ? 1 : 0);
      }
      // The parser makes a node of its own only for a written group.
      bool group = child.kind == K::Or || (isAnd && child.kind == K::And);
      std::string first = i == 0 ? prefix : "";
      group ? addGroup(child, depth, first) : add(child, depth, first);
    }
  }

  std::vector<Piece> take() { return std::move(pieces_); }

private:
  void addGroup(const ast::Condition &c, int depth, std::string prefix) {
    add(c, depth + 1, prefix + "(");
    pieces_.back().text += ")";
  }

  const Spelling &spelling_;
  std::vector<Piece> pieces_;
  std::string pendingOp_;
  int pendingRank_ = 0;
};

/// Joins the pieces, breaking before every operator of rank <= `maxRank`.
std::vector<std::string> join(const std::vector<Piece> &pieces, int maxRank) {
  std::vector<std::string> lines(1);
  for (const Piece &piece : pieces) {
    if (piece.op.empty()) {
      lines.back() += piece.text;
    } else if (piece.rank <= maxRank) {
      lines.push_back(piece.op + " " + piece.text);
    } else {
      lines.back() += " " + piece.op + " " + piece.text;
    }
  }
  return lines;
}

} // namespace

std::string conditionLines(const ast::Condition &condition, std::string_view prefix,
                           std::string_view suffix, size_t indent, const Spelling &spelling) {
  Flattener flattener(spelling);
  flattener.add(condition, 0, "");
  std::vector<Piece> pieces = flattener.take();
  int maxRank = -1;
  for (const Piece &piece : pieces)
    maxRank = std::max(maxRank, piece.rank);
  std::string continuation(indent + 4, ' ');
  std::vector<std::string> lines;
  for (int rank = -1; rank <= maxRank; ++rank) {
    lines = join(pieces, rank);
    lines.front() = std::string(prefix) + lines.front();
    lines.back() += suffix;
    bool fits = indent + lines.front().size() <= kLineLimit;
    for (size_t i = 1; i < lines.size(); ++i)
      fits = fits && continuation.size() + lines[i].size() <= kLineLimit;
    if (fits)
      break;
  }
  std::string out = lines.front();
  for (size_t i = 1; i < lines.size(); ++i)
    out += "\n" + continuation + lines[i];
  return out;
}

} // namespace mac::format
