// The AST and diagnostic encoding of ast_serialize.h. Each structure's fields
// are listed once, in a `fields` function shared by the Encoder and the
// Decoder, so the two cannot disagree on order. Pointers (conditions,
// statements, declarations) are written as a presence flag (a kind tag for
// declarations) followed by the node's fields; the decoder allocates them in
// the new file's arena.
#include "compiler/cache/ast_serialize.h"

#include "compiler/cache/byte_stream.h"

#include <type_traits>

namespace mac::cache {
namespace {

// If one of these fails, ast.h or diagnostic.h changed: list the new fields
// below (in both the writer and reader by way of `fields`) and bump
// kFormatVersion. Checked where the sizes are known (x86-64, libstdc++).
#if defined(__x86_64__) && defined(__GLIBCXX__)
#define MAC_AST_CHANGED                                                                            \
  "ast.h or diagnostic.h changed: update compiler/cache/ast_serialize.cpp and bump kFormatVersion"
static_assert(sizeof(ast::Name) == 48, MAC_AST_CHANGED);
static_assert(sizeof(ast::StringLit) == 72, MAC_AST_CHANGED);
static_assert(sizeof(ast::Literal) == 72, MAC_AST_CHANGED);
static_assert(sizeof(ast::Condition) == 128, MAC_AST_CHANGED);
static_assert(sizeof(ast::Statement) == 224, MAC_AST_CHANGED);
static_assert(sizeof(ast::Branch) == 48, MAC_AST_CHANGED);
static_assert(sizeof(ast::Decl) == 152, MAC_AST_CHANGED);
static_assert(sizeof(ast::BundleDecl) == 360, MAC_AST_CHANGED);
static_assert(sizeof(ast::UseDecl) == 240, MAC_AST_CHANGED);
static_assert(sizeof(ast::EnvDecl) == 344, MAC_AST_CHANGED);
static_assert(sizeof(ast::FieldDecl) == 312, MAC_AST_CHANGED);
static_assert(sizeof(ast::ConsentDecl) == 320, MAC_AST_CHANGED);
static_assert(sizeof(ast::SegmentDecl) == 160, MAC_AST_CHANGED);
static_assert(sizeof(ast::EmailDecl) == 544, MAC_AST_CHANGED);
static_assert(sizeof(ast::SmsDecl) == 240, MAC_AST_CHANGED);
static_assert(sizeof(ast::PushDecl) == 320, MAC_AST_CHANGED);
static_assert(sizeof(ast::WebhookDecl) == 480, MAC_AST_CHANGED);
static_assert(sizeof(ast::FlagDecl) == 192, MAC_AST_CHANGED);
static_assert(sizeof(ast::PolicyDecl) == 176, MAC_AST_CHANGED);
static_assert(sizeof(ast::FlowDecl) == 248, MAC_AST_CHANGED);
static_assert(sizeof(ast::LintDecl) == 176, MAC_AST_CHANGED);
static_assert(sizeof(ast::TestDecl) == 424, MAC_AST_CHANGED);
static_assert(sizeof(ast::PolicyStmt) == 208, MAC_AST_CHANGED);
static_assert(sizeof(ast::Trigger) == 224, MAC_AST_CHANGED);
static_assert(sizeof(ast::FlowSetting) == 96, MAC_AST_CHANGED);
static_assert(sizeof(ast::Expectation) == 184, MAC_AST_CHANGED);
static_assert(sizeof(ast::IgnoreComment) == 88, MAC_AST_CHANGED);
static_assert(sizeof(ast::File) == 144, MAC_AST_CHANGED);
static_assert(sizeof(diag::Diagnostic) == 104, MAC_AST_CHANGED);
static_assert(sizeof(ast::Rate) == 32, MAC_AST_CHANGED);
static_assert(sizeof(ast::WebhookUrl) == 128, MAC_AST_CHANGED);
static_assert(sizeof(ast::WebhookHeader) == 152, MAC_AST_CHANGED);
static_assert(sizeof(ast::LintStmt) == 48, MAC_AST_CHANGED);
static_assert(sizeof(ast::LintRule) == 48, MAC_AST_CHANGED);
static_assert(sizeof(ast::TestTime) == 48, MAC_AST_CHANGED);
static_assert(sizeof(ast::ContactValue) == 120, MAC_AST_CHANGED);
static_assert(sizeof(ast::TestEvent) == 272, MAC_AST_CHANGED);
static_assert(sizeof(diag::Note) == 48, MAC_AST_CHANGED);
static_assert(sizeof(diag::Fix) == 56, MAC_AST_CHANGED);
static_assert(sizeof(diag::Edit) == 48, MAC_AST_CHANGED);
#undef MAC_AST_CHANGED
#endif

// ---- the last enumerator of each enumeration (the reader rejects more) ----

constexpr ast::LiteralKind lastOf(ast::LiteralKind) { return ast::LiteralKind::Duration; }
constexpr ast::CondKind lastOf(ast::CondKind) { return ast::CondKind::IsEmpty; }
constexpr ast::CompareOp lastOf(ast::CompareOp) { return ast::CompareOp::Ge; }
constexpr ast::StmtKind lastOf(ast::StmtKind) { return ast::StmtKind::Stop; }
constexpr ast::DeclKind lastOf(ast::DeclKind) { return ast::DeclKind::Test; }
constexpr ast::PolicyKind lastOf(ast::PolicyKind) { return ast::PolicyKind::RequireConsent; }
constexpr ast::TriggerKind lastOf(ast::TriggerKind) { return ast::TriggerKind::Schedule; }
constexpr ast::SettingKind lastOf(ast::SettingKind) { return ast::SettingKind::Require; }
constexpr ast::LintVerb lastOf(ast::LintVerb) { return ast::LintVerb::Info; }
constexpr ast::ExpectKind lastOf(ast::ExpectKind) { return ast::ExpectKind::Condition; }
constexpr ast::TimingKind lastOf(ast::TimingKind) { return ast::TimingKind::Between; }
constexpr diag::Severity lastOf(diag::Severity) { return diag::Severity::Error; }
diag::Code lastOf(diag::Code) { return static_cast<diag::Code>(diag::allRules().size() - 1); }

// ---- the fields of every structure, in stored order ----------------------

template <class C> void fields(C &c, ast::Name &v) {
  c(v.text);
  c(v.range);
}
template <class C> void fields(C &c, ast::StringLit::Run &v) {
  c(v.valueOffset);
  c(v.sourceOffset);
}
template <class C> void fields(C &c, ast::StringLit &v) {
  c(v.value);
  c(v.range);
  c(v.runs);
}
template <class C> void fields(C &c, ast::Literal &v) {
  c(v.kind);
  c(v.range);
  c(v.text);
  c(v.number);
  c(v.boolean);
  c(v.seconds);
}
template <class C> void fields(C &c, ast::Condition &v) {
  c(v.range);
  c(v.kind);
  c(v.children);
  c(v.name);
  c(v.op);
  c(v.values);
}
template <class C> void fields(C &c, ast::Branch &v) {
  c(v.condition);
  c(v.body);
  c(v.range);
}
template <class C> void fields(C &c, ast::Statement &v) {
  c(v.range);
  c(v.kind);
  c(v.name);
  c(v.value);
  c(v.text);
  c(v.message);
  c(v.branches);
  c(v.elseBody);
  c(v.hasElse);
  c(v.keywordRange);
}
template <class C> void declBase(C &c, ast::Decl &v) {
  c(v.range);
  c(v.name);
  c(v.display);
}
template <class C> void fields(C &c, ast::Rate &v) {
  c(v.count);
  c(v.perSeconds);
  c(v.range);
}
template <class C> void fields(C &c, ast::BundleDecl &v) {
  c(v.version);
  c(v.release);
  c(v.targets);
  c(v.senders);
}
template <class C> void fields(C &c, ast::UseDecl &v) {
  c(v.isModule);
  c(v.path);
}
template <class C> void fields(C &c, ast::EnvDecl &v) {
  c(v.prefix);
  c(v.safeMode);
  c(v.throttle);
  c(v.production);
  c(v.productionRange);
}
template <class C> void fields(C &c, ast::FieldDecl &v) {
  c(v.typeName);
  c(v.enumValues);
  c(v.optional);
  c(v.defaultValue);
}
template <class C> void fields(C &c, ast::ConsentDecl &v) {
  c(v.field);
  c(v.timestamp);
  c(v.source);
}
template <class C> void fields(C &, ast::TagDecl &) {}
template <class C> void fields(C &, ast::ListDecl &) {}
template <class C> void fields(C &c, ast::SegmentDecl &v) { c(v.where); }
template <class C> void fields(C &c, ast::EmailDecl &v) {
  c(v.from);
  c(v.subject);
  c(v.body);
  c(v.bodyFile);
  c(v.unsubscribe);
  c(v.unsubscribeRange);
  c(v.transactional);
}
template <class C> void fields(C &c, ast::SmsDecl &v) {
  c(v.text);
  c(v.transactional);
}
template <class C> void fields(C &c, ast::PushDecl &v) {
  c(v.title);
  c(v.text);
  c(v.transactional);
}
template <class C> void fields(C &c, ast::WebhookUrl &v) {
  c(v.env);
  c(v.url);
}
template <class C> void fields(C &c, ast::WebhookHeader &v) {
  c(v.name);
  c(v.value);
  c(v.secret);
}
template <class C> void fields(C &c, ast::WebhookDecl &v) {
  c(v.method);
  c(v.urls);
  c(v.headers);
  c(v.payload);
  c(v.retries);
  c(v.backoffSeconds);
  c(v.retryRange);
  c(v.deadLetter);
  c(v.alert);
}
template <class C> void fields(C &c, ast::FlagDecl &v) {
  c(v.when);
  c(v.envs);
  c(v.constant);
}
template <class C> void fields(C &c, ast::PolicyStmt &v) {
  c(v.kind);
  c(v.range);
  c(v.name);
  c(v.startMinute);
  c(v.endMinute);
  c(v.zone);
  c(v.zoneName);
}
template <class C> void fields(C &c, ast::PolicyDecl &v) { c(v.statements); }
template <class C> void fields(C &c, ast::Trigger &v) {
  c(v.kind);
  c(v.range);
  c(v.name);
  c(v.text);
  c(v.value);
}
template <class C> void fields(C &c, ast::FlowSetting &v) {
  c(v.kind);
  c(v.range);
  c(v.seconds);
  c(v.fields);
  c(v.rate);
  c(v.condition);
}
template <class C> void fields(C &c, ast::FlowDecl &v) {
  c(v.triggers);
  c(v.settings);
  c(v.policies);
  c(v.body);
}
template <class C> void fields(C &c, ast::LintRule &v) {
  c(v.text);
  c(v.range);
}
template <class C> void fields(C &c, ast::LintStmt &v) {
  c(v.verb);
  c(v.rules);
  c(v.range);
}
template <class C> void fields(C &c, ast::LintDecl &v) { c(v.statements); }
template <class C> void fields(C &c, ast::TestTime &v) {
  c(v.text);
  c(v.range);
}
template <class C> void fields(C &c, ast::Expectation &v) {
  c(v.kind);
  c(v.negated);
  c(v.range);
  c(v.name);
  c(v.condition);
  c(v.timing);
  c(v.withinSeconds);
  c(v.at);
  c(v.until);
}
template <class C> void fields(C &c, ast::ContactValue &v) {
  c(v.field);
  c(v.value);
}
template <class C> void fields(C &c, ast::TestEvent &v) {
  c(v.at);
  c(v.trigger);
}
template <class C> void fields(C &c, ast::TestDecl &v) {
  c(v.env);
  c(v.contact);
  c(v.timezone);
  c(v.contactTags);
  c(v.contactLists);
  c(v.events);
  c(v.horizonSeconds);
  c(v.expectations);
}
template <class C> void fields(C &c, ast::IgnoreComment &v) {
  c(v.range);
  c(v.rules);
  c(v.reason);
  c(v.target);
}
template <class C> void fields(C &c, diag::Note &v) {
  c(v.message);
  c(v.range);
}
template <class C> void fields(C &c, diag::Edit &v) {
  c(v.range);
  c(v.text);
}
template <class C> void fields(C &c, diag::Fix &v) {
  c(v.message);
  c(v.edits);
}
template <class C> void fields(C &c, diag::Diagnostic &v) {
  c(v.code);
  c(v.severity);
  c(v.message);
  c(v.range);
  c(v.notes);
  c(v.fixes);
}

/// Calls `f` with std::type_identity<the declaration type of `kind`>.
template <class F> void visitDeclType(ast::DeclKind kind, F &&f) {
  using K = ast::DeclKind;
  switch (kind) {
  case K::Bundle:
    return f(std::type_identity<ast::BundleDecl>{});
  case K::Use:
    return f(std::type_identity<ast::UseDecl>{});
  case K::Env:
    return f(std::type_identity<ast::EnvDecl>{});
  case K::Field:
    return f(std::type_identity<ast::FieldDecl>{});
  case K::Consent:
    return f(std::type_identity<ast::ConsentDecl>{});
  case K::Tag:
    return f(std::type_identity<ast::TagDecl>{});
  case K::List:
    return f(std::type_identity<ast::ListDecl>{});
  case K::Segment:
    return f(std::type_identity<ast::SegmentDecl>{});
  case K::Email:
    return f(std::type_identity<ast::EmailDecl>{});
  case K::Sms:
    return f(std::type_identity<ast::SmsDecl>{});
  case K::Push:
    return f(std::type_identity<ast::PushDecl>{});
  case K::Webhook:
    return f(std::type_identity<ast::WebhookDecl>{});
  case K::Flag:
    return f(std::type_identity<ast::FlagDecl>{});
  case K::Policy:
    return f(std::type_identity<ast::PolicyDecl>{});
  case K::Flow:
    return f(std::type_identity<ast::FlowDecl>{});
  case K::Lint:
    return f(std::type_identity<ast::LintDecl>{});
  case K::Test:
    return f(std::type_identity<ast::TestDecl>{});
  }
}

// Range tags: a range is either into no file, or into the file being stored.
constexpr uint64_t kNoFile = 0, kThisFile = 1;

class Encoder {
public:
  Encoder(FileId file, uint32_t length) : file_(file), length_(length) {
    out_.bytes().reserve(length + length / 2); // entries run about 1.5x their source
  }

  void operator()(const std::string &v) { out_.string(v); }
  void operator()(bool v) { out_.boolean(v); }
  void operator()(int64_t v) { out_.i64(v); }
  void operator()(uint32_t v) { out_.u64(v); }
  void operator()(double v) { out_.f64(v); }
  template <class E>
  requires std::is_enum_v<E>
  void operator()(E v) {
    if (static_cast<uint64_t>(v) > static_cast<uint64_t>(lastOf(v)))
      ok_ = false;
    out_.u64(static_cast<uint64_t>(v));
  }
  void operator()(const SourceRange &v) {
    if (!v.file.isValid()) {
      out_.u64(kNoFile);
      out_.u64(v.begin);
      out_.u64(v.end);
      return;
    }
    if (!(v.file == file_) || v.begin > v.end || v.end > length_)
      ok_ = false;
    out_.u64(kThisFile);
    out_.u64(v.begin);
    out_.u64(v.end - v.begin);
  }
  template <class T> void operator()(const std::optional<T> &v) {
    out_.boolean(v.has_value());
    if (v)
      (*this)(*v);
  }
  template <class T> void operator()(const ast::BoxedOptional<T> &v) {
    out_.boolean(v.has_value());
    if (v)
      (*this)(*v);
  }
  template <class T> void operator()(const std::vector<T> &v) {
    out_.u64(v.size());
    for (const T &element : v)
      (*this)(element);
  }
  void operator()(const ast::Condition *v) { node(v); }
  void operator()(const ast::Statement *v) { node(v); }
  void operator()(const ast::Decl *v) {
    if (!v) {
      out_.u64(0);
      return;
    }
    out_.u64(static_cast<uint64_t>(v->kind) + 1);
    ast::Decl &decl = const_cast<ast::Decl &>(*v);
    declBase(*this, decl);
    visitDeclType(v->kind,
                  [&]<class T>(std::type_identity<T>) { fields(*this, static_cast<T &>(decl)); });
  }
  /// Structures: their fields. (The encoder only reads through the reference.)
  template <class T>
  requires std::is_class_v<T>
  void operator()(const T &v) { fields(*this, const_cast<T &>(v)); }

  bool ok() const { return ok_; }
  std::string take() { return std::move(out_.bytes()); }

private:
  template <class T> void node(const T *v) {
    out_.boolean(v != nullptr);
    if (!v)
      return;
    if (++depth_ > kMaxStoredDepth)
      ok_ = false;
    else
      fields(*this, const_cast<T &>(*v));
    --depth_;
  }

  ByteWriter out_;
  FileId file_;
  uint32_t length_;
  unsigned depth_ = 0;
  bool ok_ = true;
};

class Decoder {
public:
  Decoder(llvm::StringRef bytes, FileId file, uint32_t length, ast::Arena &arena)
      : in_(bytes), file_(file), length_(length), arena_(arena) {}

  void operator()(std::string &v) { v = in_.string(); }
  void operator()(bool &v) { v = in_.boolean(); }
  void operator()(int64_t &v) { v = in_.i64(); }
  void operator()(uint32_t &v) { v = in_.u32(); }
  void operator()(double &v) { v = in_.f64(); }
  template <class E>
  requires std::is_enum_v<E>
  void operator()(E &v) { v = in_.enumerator(lastOf(v)); }
  void operator()(SourceRange &v) {
    uint64_t tag = in_.u64();
    uint32_t begin = in_.u32();
    uint32_t second = in_.u32();
    if (tag == kNoFile) {
      v = SourceRange{FileId::invalid(), begin, second};
    } else if (tag == kThisFile && uint64_t(begin) + second <= length_) {
      v = SourceRange{file_, begin, begin + second};
    } else {
      in_.fail();
    }
  }
  template <class T> void operator()(std::optional<T> &v) {
    v.reset();
    if (in_.boolean())
      (*this)(v.emplace());
  }
  template <class T> void operator()(ast::BoxedOptional<T> &v) {
    v.reset();
    if (in_.boolean())
      (*this)(v.emplace());
  }
  /// Grows element by element (never by the stored count alone) and stops
  /// at the first error, so a corrupt count cannot allocate much.
  template <class T> void operator()(std::vector<T> &v) {
    size_t count = in_.count();
    v.clear();
    for (size_t i = 0; i < count && !in_.failed(); ++i)
      (*this)(v.emplace_back());
  }
  void operator()(ast::Condition *&v) { node(v); }
  void operator()(ast::Statement *&v) { node(v); }
  void operator()(ast::Decl *&v) {
    v = nullptr;
    uint64_t tag = in_.u64();
    if (tag == 0 || in_.failed())
      return;
    if (tag - 1 > static_cast<uint64_t>(lastOf(ast::DeclKind{}))) {
      in_.fail();
      return;
    }
    visitDeclType(static_cast<ast::DeclKind>(tag - 1), [&]<class T>(std::type_identity<T>) {
      T *decl = arena_.make<T>();
      v = decl;
      declBase(*this, *decl);
      fields(*this, *decl);
    });
  }
  template <class T>
  requires std::is_class_v<T>
  void operator()(T &v) { fields(*this, v); }

  bool finishedCleanly() const { return in_.atEnd(); }

private:
  template <class T> void node(T *&v) {
    v = nullptr;
    if (!in_.boolean())
      return;
    if (++depth_ > kMaxStoredDepth) {
      in_.fail();
    } else {
      v = arena_.make<T>();
      fields(*this, *v);
    }
    --depth_;
  }

  ByteReader in_;
  FileId file_;
  uint32_t length_;
  ast::Arena &arena_;
  unsigned depth_ = 0;
};

} // namespace

std::optional<std::string> encodeParse(const ast::File &file,
                                       const std::vector<diag::Diagnostic> &diagnostics,
                                       uint32_t sourceLength) {
  Encoder encoder(file.file, sourceLength);
  encoder(diagnostics);
  encoder(file.decls);
  encoder(file.ignores);
  if (!encoder.ok())
    return std::nullopt;
  return encoder.take();
}

std::optional<CachedParse> decodeParse(llvm::StringRef bytes, FileId file, uint32_t sourceLength) {
  CachedParse result;
  result.ast = std::make_unique<ast::File>();
  result.ast->file = file;
  Decoder decoder(bytes, file, sourceLength, result.ast->arena);
  decoder(result.diagnostics);
  decoder(result.ast->decls);
  decoder(result.ast->ignores);
  if (!decoder.finishedCleanly())
    return std::nullopt;
  return result;
}

} // namespace mac::cache
