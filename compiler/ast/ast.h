// The Flow abstract syntax tree: what one file says, with exact source ranges
// and literal values already checked, but no name resolved. Nodes are owned
// by the arena of their ast::File and never change after the builder returns.
// Kinds are plain enums so code dispatches with switch or llvm::isa, not RTTI.
#pragma once

#include "compiler/base/source_manager.h"

#include <cstdint>
#include <memory>
#include <memory_resource>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace mac::ast {

/// Base of every arena-owned node.
struct Node {
  virtual ~Node() = default;
  SourceRange range;
};

/// Owns nodes; freed with the file. Nodes are bump-allocated in large
/// blocks (no malloc call or header per node) and destroyed, in reverse
/// order of creation, when the arena dies: their strings and vectors still
/// own heap memory, so every destructor runs.
class Arena {
public:
  Arena() = default;
  Arena(const Arena &) = delete;
  Arena &operator=(const Arena &) = delete;
  ~Arena() {
    for (auto it = nodes_.rbegin(); it != nodes_.rend(); ++it)
      (*it)->~Node();
  }

  template <class T> T *make() {
    static_assert(std::is_base_of_v<Node, T>, "the arena holds ast::Node subclasses");
    void *memory = memory_.allocate(sizeof(T), alignof(T));
    T *node = new (memory) T();
    nodes_.push_back(node);
    return node;
  }

private:
  std::pmr::monotonic_buffer_resource memory_{16 * 1024};
  std::vector<Node *> nodes_;
};

/// An optional value kept behind a pointer: one word in its owner, for the
/// fields only a few statement kinds use. Reads like std::optional
/// (`if (s.text)`, `s.text->value`, `*s.text`); copies deep-copy the value.
template <class T> class BoxedOptional {
public:
  BoxedOptional() = default;
  BoxedOptional(std::nullopt_t) {}
  BoxedOptional(const T &value) : value_(std::make_unique<T>(value)) {}
  BoxedOptional(T &&value) : value_(std::make_unique<T>(std::move(value))) {}
  BoxedOptional(const std::optional<T> &value) {
    if (value)
      value_ = std::make_unique<T>(*value);
  }
  BoxedOptional(std::optional<T> &&value) {
    if (value)
      value_ = std::make_unique<T>(std::move(*value));
  }
  BoxedOptional(const BoxedOptional &other)
      : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  BoxedOptional(BoxedOptional &&) noexcept = default;
  BoxedOptional &operator=(const BoxedOptional &other) {
    if (this != &other)
      value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  BoxedOptional &operator=(BoxedOptional &&) noexcept = default;

  bool has_value() const { return value_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  T &operator*() { return *value_; }
  const T &operator*() const { return *value_; }
  T *operator->() { return value_.get(); }
  const T *operator->() const { return value_.get(); }
  const T &value() const {
    if (!value_)
      throw std::bad_optional_access();
    return *value_;
  }
  template <class U> T value_or(U &&fallback) const {
    return value_ ? *value_ : static_cast<T>(std::forward<U>(fallback));
  }
  template <class... Args> T &emplace(Args &&...args) {
    value_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *value_;
  }
  void reset() { value_.reset(); }
  /// A copy as a std::optional, for code written against std::optional fields.
  operator std::optional<T>() const { return value_ ? std::optional<T>(*value_) : std::nullopt; }

private:
  std::unique_ptr<T> value_;
};

/// An identifier where it is written.
struct Name {
  std::string text;
  SourceRange range;
};

/// A string literal: its value after escapes (and, for `"""`, after the
/// common indentation is removed), with a map back to the source bytes.
struct StringLit {
  std::string value;
  SourceRange range; ///< including the quotes
  /// Runs of value bytes that stand contiguously in the source:
  /// value[valueOffset...] came from source offset sourceOffset.
  struct Run {
    uint32_t valueOffset;
    uint32_t sourceOffset;
  };
  std::vector<Run> runs;
  /// The source range of value bytes [begin, end).
  SourceRange rangeOf(uint32_t begin, uint32_t end) const;
};

enum class LiteralKind : uint8_t { String, Number, Bool, Date, DateTime, Clock, Duration };

/// A value written in the source.
struct Literal {
  LiteralKind kind = LiteralKind::String;
  SourceRange range;
  std::string text;     ///< string value, or the literal as written
  double number = 0;    ///< Number
  bool boolean = false; ///< Bool
  int64_t seconds = 0;  ///< Duration; Clock in minutes since midnight
};

// ---- conditions ----------------------------------------------------------

enum class CondKind : uint8_t {
  Or, And, Not, True, False, Consent, Flag, InList, InSegment, HasTag,
  Compare, InValues, Contains, StartsWith, EndsWith, IsSet, IsEmpty
};
enum class CompareOp : uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

struct Condition : Node {
  CondKind kind = CondKind::True;
  std::vector<Condition *> children; ///< Or, And: operands; Not: one
  Name name;                         ///< field, channel, flag, list, segment or tag
  CompareOp op = CompareOp::Eq;
  std::vector<Literal> values; ///< Compare: one; InValues: all; text tests: one
};

// ---- statements ----------------------------------------------------------

enum class StmtKind : uint8_t {
  If, Set, Send, Wait, WaitUntil, WaitEvent, Call, AssignOwner, AddTag, RemoveTag,
  AddToList, RemoveFromList, Increment, Notify, Emit, Stop
};

struct Statement;

/// One `if`/`else if` arm: its condition and body.
struct Branch {
  Condition *condition = nullptr;
  std::vector<Statement *> body;
  SourceRange range;
};

struct Statement : Node {
  StmtKind kind = StmtKind::Stop;
  Name name;                        ///< the asset or field acted on
  Literal value;                    ///< Set: value; Increment: amount; waits: duration/clock
  BoxedOptional<StringLit> text;    ///< event name, owner team, channel, notify target
  BoxedOptional<StringLit> message; ///< Notify: the message
  std::vector<Branch> branches;     ///< If
  std::vector<Statement *> elseBody;
  bool hasElse = false;
  SourceRange keywordRange; ///< the leading keyword(s), for precise diagnostics
};

// ---- declarations --------------------------------------------------------

enum class DeclKind : uint8_t {
  Bundle, Use, Env, Field, Consent, Tag, List, Segment, Email, Sms, Push,
  Webhook, Flag, Policy, Flow, Lint, Test
};

struct Decl : Node {
  explicit Decl(DeclKind k) : kind(k) {}
  DeclKind kind;
  Name name;
  std::optional<StringLit> display;
};

template <DeclKind K> struct DeclOf : Decl {
  DeclOf() : Decl(K) {}
  static bool classof(const Decl *d) { return d->kind == K; }
};

/// A property written as `keyword value;` whose value is one string or name.
struct Rate {
  int64_t count = 0;
  int64_t perSeconds = 0;
  SourceRange range;
};

struct BundleDecl : DeclOf<DeclKind::Bundle> {
  std::optional<Literal> version; ///< text holds the version as written
  std::optional<StringLit> release;
  std::vector<Name> targets;
  std::vector<StringLit> senders;
};

struct UseDecl : DeclOf<DeclKind::Use> {
  bool isModule = false; ///< `use std.tcpa;` (name.text = "std.tcpa") or `use "path";`
  std::optional<StringLit> path;
};

struct EnvDecl : DeclOf<DeclKind::Env> {
  std::optional<StringLit> prefix;
  std::optional<Name> safeMode;
  std::optional<Rate> throttle;
  bool production = false;
  SourceRange productionRange;
};

struct FieldDecl : DeclOf<DeclKind::Field> {
  Name typeName;                        ///< "text", "number", … or "enum"
  std::vector<StringLit> enumValues;    ///< for enum
  bool optional = false;
  std::optional<Literal> defaultValue;
};

struct ConsentDecl : DeclOf<DeclKind::Consent> {
  std::optional<Name> field, timestamp, source;
};

struct TagDecl : DeclOf<DeclKind::Tag> {};
struct ListDecl : DeclOf<DeclKind::List> {};
struct SegmentDecl : DeclOf<DeclKind::Segment> {
  Condition *where = nullptr;
};

struct EmailDecl : DeclOf<DeclKind::Email> {
  std::optional<StringLit> from, subject, body, bodyFile;
  std::optional<Name> unsubscribe;
  SourceRange unsubscribeRange; ///< the whole `unsubscribe MODE;` statement
  bool transactional = false;
};

struct SmsDecl : DeclOf<DeclKind::Sms> {
  std::optional<StringLit> text;
  bool transactional = false;
};

struct PushDecl : DeclOf<DeclKind::Push> {
  std::optional<StringLit> title, text;
  bool transactional = false;
};

struct WebhookUrl {
  std::optional<Name> env; ///< none: the default (prod) URL
  StringLit url;
};
struct WebhookHeader {
  StringLit name;
  StringLit value;
  bool secret = false; ///< value names a secret
};
struct WebhookDecl : DeclOf<DeclKind::Webhook> {
  std::optional<Name> method;
  std::vector<WebhookUrl> urls;
  std::vector<WebhookHeader> headers;
  std::vector<Name> payload;
  std::optional<int64_t> retries;
  int64_t backoffSeconds = 0;
  SourceRange retryRange;
  std::optional<StringLit> deadLetter, alert;
};

struct FlagDecl : DeclOf<DeclKind::Flag> {
  Condition *when = nullptr;
  std::vector<Name> envs;
  std::optional<bool> constant; ///< `off;` / `on;`
};

enum class PolicyKind : uint8_t {
  QuietHours, SuppressUnsubscribed, SuppressList, SuppressSegment, RequireConsent
};
struct PolicyStmt {
  PolicyKind kind = PolicyKind::SuppressUnsubscribed;
  SourceRange range;
  Name name;                 ///< channel for quiet hours and consent; list or segment for suppress
  uint32_t startMinute = 0;  ///< quiet window start (minutes since midnight)
  uint32_t endMinute = 0;
  std::optional<Name> zone;  ///< `recipient_local`, …
  std::optional<StringLit> zoneName;
};
struct PolicyDecl : DeclOf<DeclKind::Policy> {
  std::vector<PolicyStmt> statements;
};

enum class TriggerKind : uint8_t { FormSubmitted, TagAdded, ListJoined, FieldChanged, Event, Schedule };
struct Trigger {
  TriggerKind kind = TriggerKind::Event;
  SourceRange range;
  Name name;                     ///< tag, list or field
  std::optional<StringLit> text; ///< form or event name
  std::optional<Literal> value;  ///< field_changed … to VALUE; schedule clock
};

enum class SettingKind : uint8_t { ReenrollNever, ReenrollAfter, Dedupe, Throttle, Goal, Require };
struct FlowSetting {
  SettingKind kind = SettingKind::ReenrollNever;
  SourceRange range;
  int64_t seconds = 0;            ///< ReenrollAfter
  std::vector<Name> fields;       ///< Dedupe
  std::optional<Rate> rate;       ///< Throttle
  Condition *condition = nullptr; ///< Goal, Require
};

struct FlowDecl : DeclOf<DeclKind::Flow> {
  std::vector<Trigger> triggers;
  std::vector<FlowSetting> settings;
  std::vector<PolicyStmt> policies;
  std::vector<Statement *> body;
};

struct LintRule {
  std::string text;
  SourceRange range;
};
enum class LintVerb : uint8_t { Disable, Error, Warning, Info };
struct LintStmt {
  LintVerb verb = LintVerb::Disable;
  std::vector<LintRule> rules;
  SourceRange range;
};
struct LintDecl : DeclOf<DeclKind::Lint> {
  std::vector<LintStmt> statements;
};

/// A moment in a test: a date with an optional clock, or a date-time.
struct TestTime {
  std::string text; ///< normalized "YYYY-MM-DDTHH:MM"
  SourceRange range;
};
enum class ExpectKind : uint8_t { Sent, Called, Enrolled, Condition };
enum class TimingKind : uint8_t { None, Within, At, Between };
struct Expectation {
  ExpectKind kind = ExpectKind::Condition;
  bool negated = false;
  SourceRange range;
  Name name;
  Condition *condition = nullptr;
  TimingKind timing = TimingKind::None;
  int64_t withinSeconds = 0;
  TestTime at, until;
};
struct ContactValue {
  Name field;
  Literal value;
};
struct TestEvent {
  TestTime at;
  Trigger trigger;
};
struct TestDecl : DeclOf<DeclKind::Test> {
  std::optional<Name> env;
  std::vector<ContactValue> contact;
  std::optional<StringLit> timezone;
  std::vector<Name> contactTags, contactLists;
  std::vector<TestEvent> events;
  std::optional<int64_t> horizonSeconds;
  std::vector<Expectation> expectations;
};

/// `// mac-ignore RULE[, RULE…][: reason]`, attached to the next statement
/// or declaration (`target`); an ignore with nothing after it has an invalid target.
struct IgnoreComment {
  SourceRange range; ///< the comment
  std::vector<LintRule> rules;
  std::string reason;
  SourceRange target;
};

/// Everything one file says.
struct File {
  FileId file;
  std::vector<Decl *> decls;
  std::vector<IgnoreComment> ignores;
  Arena arena;
};

} // namespace mac::ast
