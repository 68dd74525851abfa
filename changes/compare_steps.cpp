// The statement trees of two flows: each body is aligned by an LCS over the
// steps' identities (kind and target), so that an inserted step does not
// make every later one look changed. Unmatched steps with the same content
// (or the same identity) on both sides are moves; the rest are added or
// removed. Matched steps are compared in place: waits, values, and for an
// `if` its branches, themselves aligned by condition.
#include "changes/align.h"
#include "changes/comparison.h"

namespace mac::changes {

using namespace sema;

namespace {

class BodyComparer {
public:
  explicit BodyComparer(Comparison &cmp)
      : cmp_(cmp), oldNames_(cmp.oldNames()), oldShown_(cmp.oldShown()), newNames_(cmp.newNames()) {
  }

  void bodies(const std::string &path, const std::vector<StmtId> &before,
              const std::vector<StmtId> &after);

private:
  const Stmt &oldStmt(StmtId id) const { return cmp_.oldProgram().stmt(id); }
  const Stmt &newStmt(StmtId id) const { return cmp_.newProgram().stmt(id); }
  std::string subject(const std::string &path, size_t index, const Namer &names,
                      const Stmt &stmt) const {
    std::string head = stmt.kind == StmtKind::If ? std::string("if") : stmtHead(names, stmt);
    return path + std::string(kSep) + "step " + std::to_string(index + 1) + " (" + head + ")";
  }
  Change &add(ChangeKind kind, RuleId rule, std::string subject, std::string before,
              std::string after) {
    return cmp_.changes().add(Section::Flows, kind, rule, std::move(subject), std::move(before),
                              std::move(after));
  }
  void step(const std::string &subject, StmtId before, StmtId after);
  void branches(const std::string &subject, const Stmt &before, const Stmt &after);

  Comparison &cmp_;
  Namer oldNames_, oldShown_, newNames_;
};

void BodyComparer::bodies(const std::string &path, const std::vector<StmtId> &before,
                          const std::vector<StmtId> &after) {
  std::vector<std::string> oldKeys, newKeys, oldText, newText;
  for (StmtId id : before) {
    oldKeys.push_back(stmtIdentity(oldNames_, oldStmt(id)));
    oldText.push_back(renderStmt(oldNames_, id));
  }
  for (StmtId id : after) {
    newKeys.push_back(stmtIdentity(newNames_, newStmt(id)));
    newText.push_back(renderStmt(newNames_, id));
  }
  std::vector<AlignOp> ops = align(oldKeys, newKeys);

  // Moves: an unmatched old step whose content (or, failing that, identity)
  // reappears unmatched elsewhere in the new body.
  std::vector<int> movedTo(before.size(), -1), movedFrom(after.size(), -1);
  for (bool byContent : {true, false})
    for (const AlignOp &del : ops) {
      if (del.kind != AlignOp::Delete || movedTo[del.oldIndex] >= 0)
        continue;
      for (const AlignOp &ins : ops)
        if (ins.kind == AlignOp::Insert && movedFrom[ins.newIndex] < 0 &&
            (byContent ? oldText[del.oldIndex] == newText[ins.newIndex]
                       : oldKeys[del.oldIndex] == newKeys[ins.newIndex])) {
          movedTo[del.oldIndex] = ins.newIndex;
          movedFrom[ins.newIndex] = del.oldIndex;
          break;
        }
    }

  for (const AlignOp &op : ops) {
    if (op.kind == AlignOp::Match) {
      step(subject(path, op.newIndex, newNames_, newStmt(after[op.newIndex])), before[op.oldIndex],
           after[op.newIndex]);
    } else if (op.kind == AlignOp::Insert) {
      const Stmt &stmt = newStmt(after[op.newIndex]);
      std::string where = subject(path, op.newIndex, newNames_, stmt);
      if (int from = movedFrom[op.newIndex]; from >= 0) {
        add(ChangeKind::Moved, RuleId::StepMoved, where, "step " + std::to_string(from + 1),
            "step " + std::to_string(op.newIndex + 1));
        step(where, before[from], after[op.newIndex]);
      } else {
        add(ChangeKind::Added, RuleId::StepAdded, where, "",
            renderStmt(newNames_, after[op.newIndex]));
      }
    }
  }
  for (const AlignOp &op : ops)
    if (op.kind == AlignOp::Delete && movedTo[op.oldIndex] < 0) {
      const Stmt &stmt = oldStmt(before[op.oldIndex]);
      add(ChangeKind::Removed, RuleId::StepRemoved, subject(path, op.oldIndex, oldShown_, stmt),
          renderStmt(oldShown_, before[op.oldIndex]), "")
          .migration = stmt.kind == StmtKind::Send || stmt.kind == StmtKind::Call
                           ? "contacts already past this point are not affected; those still "
                             "waiting before it will skip it"
                           : "";
    }
}

void BodyComparer::step(const std::string &subject, StmtId beforeId, StmtId afterId) {
  if (renderStmt(oldNames_, beforeId) == renderStmt(newNames_, afterId))
    return;
  const Stmt &before = oldStmt(beforeId), &after = newStmt(afterId);
  if (before.kind == StmtKind::If && after.kind == StmtKind::If) {
    branches(subject, before, after);
    return;
  }
  RuleId rule = RuleId::StepChanged;
  switch (after.kind) {
  case StmtKind::Wait:
  case StmtKind::WaitUntil:
  case StmtKind::WaitEvent:
    rule = RuleId::WaitChanged;
    break;
  case StmtKind::Notify:
    rule = RuleId::StepTextChanged;
    break;
  default:
    break;
  }
  add(ChangeKind::Changed, rule, subject, stmtHead(oldShown_, before), stmtHead(newNames_, after));
}

void BodyComparer::branches(const std::string &subject, const Stmt &before, const Stmt &after) {
  std::vector<std::string> oldConds, newConds;
  for (const Branch &b : before.branches)
    oldConds.push_back(renderCond(oldNames_, b.condition));
  for (const Branch &b : after.branches)
    newConds.push_back(renderCond(newNames_, b.condition));
  auto branchSubject = [&](int index, const std::string &cond) {
    return subject + std::string(kSep) + "branch " + std::to_string(index + 1) + " (" + cond + ")";
  };
  for (const AlignOp &op : align(oldConds, newConds, /*pairGaps=*/true)) {
    switch (op.kind) {
    case AlignOp::Match:
    case AlignOp::Pair: {
      const Branch &b = after.branches[op.newIndex];
      std::string where = branchSubject(op.newIndex, newConds[op.newIndex]);
      if (op.kind == AlignOp::Pair)
        add(ChangeKind::Changed, RuleId::ConditionChanged,
            subject + std::string(kSep) + "branch " + std::to_string(op.newIndex + 1),
            renderCond(oldShown_, before.branches[op.oldIndex].condition), newConds[op.newIndex]);
      bodies(where, before.branches[op.oldIndex].body, b.body);
      break;
    }
    case AlignOp::Insert:
      add(ChangeKind::Added, RuleId::BranchAdded, branchSubject(op.newIndex, newConds[op.newIndex]),
          "",
          (op.newIndex == 0 ? "if " : "else if ") + newConds[op.newIndex] + " " +
              renderBody(newNames_, after.branches[op.newIndex].body));
      break;
    case AlignOp::Delete:
      add(ChangeKind::Removed, RuleId::BranchRemoved,
          branchSubject(op.oldIndex, renderCond(oldShown_, before.branches[op.oldIndex].condition)),
          (op.oldIndex == 0 ? "if " : "else if ") +
              renderCond(oldShown_, before.branches[op.oldIndex].condition) + " " +
              renderBody(oldShown_, before.branches[op.oldIndex].body),
          "");
      break;
    }
  }
  std::string elseSubject = subject + std::string(kSep) + "else";
  if (before.hasElse && after.hasElse)
    bodies(elseSubject, before.elseBody, after.elseBody);
  else if (after.hasElse)
    add(ChangeKind::Added, RuleId::BranchAdded, elseSubject, "",
        "else " + renderBody(newNames_, after.elseBody));
  else if (before.hasElse)
    add(ChangeKind::Removed, RuleId::BranchRemoved, elseSubject,
        "else " + renderBody(oldShown_, before.elseBody), "");
}

} // namespace

void compareBodies(Comparison &cmp, const std::string &path, const std::vector<StmtId> &before,
                   const std::vector<StmtId> &after) {
  BodyComparer(cmp).bodies(path, before, after);
}

} // namespace mac::changes
