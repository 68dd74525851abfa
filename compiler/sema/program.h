// sema::Program: the validated, resolved model of one bundle that the
// analyzer, backends, LSP, diff and simulator read. Entities live in vectors
// indexed by typed ids; every reference is resolved to an id; conditions and
// statements live in pools (CondId, StmtId). Immutable once sema returns.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/base/typed_id.h"
#include "compiler/diag/diagnostic.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mac::sema {

using FieldId = Id<struct FieldTag>;
using TagId = Id<struct TagTag>;
using ListId = Id<struct ListTag>;
using SegmentId = Id<struct SegmentTag>;
using EmailId = Id<struct EmailTag>;
using SmsId = Id<struct SmsTag>;
using PushId = Id<struct PushTag>;
using WebhookId = Id<struct WebhookTag>;
using FlagId = Id<struct FlagTag>;
using PolicyId = Id<struct PolicyTag>;
using FlowId = Id<struct FlowTag>;
using EnvId = Id<struct EnvTag>;
using TestId = Id<struct TestTag>;
using CondId = Id<struct CondTag>;
using StmtId = Id<struct StmtTag>;

/// The kinds of named things in a bundle's one namespace.
enum class AssetKind : uint8_t {
  Field,
  Tag,
  List,
  Segment,
  Email,
  Sms,
  Push,
  Webhook,
  Flag,
  Policy,
  Flow
};
/// "field", "tag", … and with an article: "a field", "an email template".
std::string_view assetKindName(AssetKind kind);
std::string assetKindWithArticle(AssetKind kind);

/// A reference to any named asset.
struct AssetRef {
  AssetKind kind = AssetKind::Field;
  uint32_t index = UINT32_MAX;
  bool isValid() const { return index != UINT32_MAX; }
  friend bool operator==(const AssetRef &a, const AssetRef &b) {
    return a.kind == b.kind && a.index == b.index;
  }
};

enum class Channel : uint8_t { Email, Sms, Push };
std::string_view channelName(Channel channel);

enum class FieldType : uint8_t { Text, Number, Bool, Email, Phone, DateTime, Date, Enum };
std::string_view fieldTypeName(FieldType type);

using Value = ast::Literal;
using Text = ast::StringLit;

/// What every declaration has.
struct Declared {
  std::string name;
  std::string display; ///< the display string, or the name
  SourceRange range;   ///< the whole declaration
  SourceRange nameRange;
};

struct Field : Declared {
  FieldType type = FieldType::Text;
  bool optional = false;
  std::vector<std::string> enumValues;
  std::optional<Value> defaultValue;
};

struct Consent {
  Channel channel = Channel::Email;
  SourceRange range;
  FieldId field, timestamp, source;
};

struct Tag : Declared {};
struct List : Declared {};
struct Segment : Declared {
  CondId where;
};

struct Email : Declared {
  std::optional<Text> from, subject;
  /// The inline body, or the whole file of `body file` (its runs map the
  /// value onto that file, so ranges point into the .html).
  std::optional<Text> body;
  std::optional<Text> bodyFile; ///< path as written (relative to its file)
  std::string unsubscribe;      ///< "one_click", "link" or empty
  SourceRange unsubscribeRange; ///< the `unsubscribe` statement, when written
  bool transactional = false;
};
struct Sms : Declared {
  std::optional<Text> text;
  bool transactional = false;
};
struct Push : Declared {
  std::optional<Text> title, text;
  bool transactional = false;
};

struct WebhookUrl {
  EnvId env; ///< invalid: the default (production) URL
  Text url;
};
struct WebhookHeader {
  Text name;
  Text value;
  bool secret = false;
};
struct Webhook : Declared {
  std::string method = "POST";
  std::vector<WebhookUrl> urls;
  std::vector<WebhookHeader> headers;
  std::vector<FieldId> payload;
  std::optional<int64_t> retries;
  SourceRange retryRange; ///< the `retry` statement, when written
  int64_t backoffSeconds = 0;
  std::optional<Text> deadLetter, alert;
};

struct Flag : Declared {
  CondId when;                  ///< invalid: no audience condition
  std::vector<EnvId> envs;      ///< empty: every environment
  std::optional<bool> constant; ///< `off;` / `on;`
};

/// Same order as ast::PolicyKind.
enum class PolicyKind : uint8_t {
  QuietHours,
  SuppressUnsubscribed,
  SuppressList,
  SuppressSegment,
  RequireConsent
};
struct PolicyRule {
  PolicyKind kind = PolicyKind::SuppressUnsubscribed;
  SourceRange range;
  Channel channel = Channel::Sms; ///< QuietHours, RequireConsent
  uint32_t startMinute = 0;       ///< QuietHours: the quiet window
  uint32_t endMinute = 0;
  std::string zone = "recipient_local";
  ListId list;
  SegmentId segment;
};
struct Policy : Declared {
  std::vector<PolicyRule> rules;
};

struct Rate {
  int64_t count = 0;
  int64_t perSeconds = 0;
  SourceRange range;
};

struct Env : Declared {
  std::optional<Text> prefix;
  AssetRef safeMode; ///< a segment or a list; invalid when absent
  std::optional<Rate> throttle;
  bool production = false;
};

using TriggerKind = ast::TriggerKind;
struct Trigger {
  TriggerKind kind = TriggerKind::Event;
  SourceRange range;
  TagId tag;
  ListId list;
  FieldId field;
  std::string text;           ///< form or event name
  std::optional<Value> value; ///< field_changed … to VALUE; schedule clock
};

using CondKind = ast::CondKind;
using CompareOp = ast::CompareOp;
struct Cond {
  CondKind kind = CondKind::True;
  SourceRange range;
  std::vector<CondId> children;
  FieldId field;
  Channel channel = Channel::Email;
  FlagId flag;
  ListId list;
  SegmentId segment;
  TagId tag;
  CompareOp op = CompareOp::Eq;
  std::vector<Value> values;
};

using StmtKind = ast::StmtKind;
struct Branch {
  CondId condition;
  std::vector<StmtId> body;
  SourceRange range;
};
struct Stmt {
  StmtKind kind = StmtKind::Stop;
  SourceRange range;
  SourceRange keywordRange;
  SourceRange nameRange;
  std::vector<Branch> branches;
  std::vector<StmtId> elseBody;
  bool hasElse = false;
  FieldId field;    ///< Set, Increment
  AssetRef target;  ///< Send: the template; Call: the webhook; tags and lists
  Value value;      ///< Set value, Increment amount, waits
  std::string text; ///< event, owner team or method, notify channel
  Text message;     ///< Notify: the message; AssignOwner: the team or user
};

struct Flow : Declared {
  std::vector<Trigger> triggers;
  std::optional<int64_t> reenrollAfterSeconds; ///< none: never (the default)
  bool reenrollExplicitNever = false;
  std::vector<FieldId> dedupe;
  std::optional<Rate> throttle;
  std::vector<CondId> goals;
  std::vector<CondId> enrolmentFilters; ///< `require` conditions
  std::vector<PolicyRule> policies;
  std::vector<StmtId> body;
};

struct TestExpectation {
  ast::ExpectKind kind = ast::ExpectKind::Condition;
  bool negated = false;
  SourceRange range;
  AssetRef target; ///< Sent: template; Called: webhook; Enrolled: flow
  CondId condition;
  ast::TimingKind timing = ast::TimingKind::None;
  int64_t withinSeconds = 0;
  std::string at, until;
};
struct TestEvent {
  std::string at;
  Trigger trigger;
};
struct Test : Declared {
  EnvId env;
  std::vector<std::pair<FieldId, Value>> contact;
  std::string timezone;
  std::vector<TagId> tags;
  std::vector<ListId> lists;
  std::vector<TestEvent> events;
  int64_t horizonSeconds = 30 * 86400;
  std::vector<TestExpectation> expectations;
};

struct Bundle : Declared {
  std::string version;      ///< empty when not declared
  SourceRange versionRange; ///< the version literal; invalid when not declared
  std::string release;
  std::vector<std::string> targets;
  std::vector<std::string> senders;
};

/// A `mac-ignore` comment with its rules resolved.
struct Ignore {
  SourceRange comment;
  SourceRange target; ///< invalid: nothing follows the comment
  std::vector<std::pair<diag::Code, SourceRange>> rules;
  std::string reason;
};

/// Severity overrides from `lint {}` blocks and every `mac-ignore`.
struct LintConfig {
  std::map<diag::Code, diag::Severity> overrides;
  std::vector<Ignore> ignores;
};

/// Everything sema knows about one bundle.
struct Program {
  Bundle bundle;
  std::vector<Field> fields;
  std::vector<Consent> consents;
  std::vector<Tag> tags;
  std::vector<List> lists;
  std::vector<Segment> segments;
  std::vector<Email> emails;
  std::vector<Sms> smses;
  std::vector<Push> pushes;
  std::vector<Webhook> webhooks;
  std::vector<Flag> flags;
  std::vector<Policy> policies;
  std::vector<Env> envs;
  std::vector<Flow> flows;
  std::vector<Test> tests;
  std::vector<Cond> conds;
  std::vector<Stmt> stmts;
  std::map<std::string, AssetRef, std::less<>> names; ///< the bundle namespace
  LintConfig lint;
  size_t fileCount = 0;
  std::string root;        ///< the bundle directory (bindings/ and templates live below it)
  bool singleFile = false; ///< a single .flow file was given as the bundle

  const Cond &cond(CondId id) const { return conds[id.value]; }
  const Stmt &stmt(StmtId id) const { return stmts[id.value]; }
  const Field &field(FieldId id) const { return fields[id.value]; }
  /// The consent declaration of a channel, if any.
  const Consent *consent(Channel channel) const;
  /// The declared name of any asset.
  const Declared &declared(AssetRef ref) const;
};

} // namespace mac::sema
