// Tokens of the Flow language (LANGUAGE.md §1). Keywords are contextual: the
// parser's `ident` rule accepts most of them where a name is expected, so a
// field may be called `email` or `source`. Literals are lexed permissively
// (any digits-then-letters is a DURATION, any backslash pair an escape) and
// validated when the AST is built, so a bad literal is MAC0002 with an exact
// range instead of a syntax error. Token names avoid C macros (NULL, TRUE, …).
lexer grammar FlowLexer;

// ---- trivia ---------------------------------------------------------------
WS            : [ \t\r\n\f]+ -> channel(HIDDEN);
LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);

// ---- keywords -------------------------------------------------------------
K_ADD            : 'add';
K_AFTER          : 'after';
K_ALERT          : 'alert';
K_AND            : 'and';
K_ASSIGN         : 'assign';
K_AT             : 'at';
K_BACKOFF        : 'backoff';
K_BETWEEN        : 'between';
K_BODY           : 'body';
K_BUNDLE         : 'bundle';
K_BY             : 'by';
K_CALL           : 'call';
K_CALLED         : 'called';
K_CONSENT        : 'consent';
K_CONTACT        : 'contact';
K_CONTAINS       : 'contains';
K_DAILY          : 'daily';
K_DEAD_LETTER    : 'dead_letter';
K_DEDUPE         : 'dedupe';
K_DISABLE        : 'disable';
K_ELSE           : 'else';
K_EMAIL          : 'email';
K_EMIT           : 'emit';
K_EMPTY          : 'empty';
K_ENDS_WITH      : 'ends_with';
K_ENROLLED       : 'enrolled';
K_ENUM           : 'enum';
K_ENV            : 'env';
K_ENVS           : 'envs';
K_ERROR          : 'error';
K_EVENT          : 'event';
K_EXPECT         : 'expect';
K_FALSE          : 'false';
K_FIELD          : 'field';
K_FIELD_CHANGED  : 'field_changed';
K_FILE           : 'file';
K_FLAG           : 'flag';
K_FLOW           : 'flow';
K_FOR            : 'for';
K_FORM_SUBMITTED : 'form_submitted';
K_FROM           : 'from';
K_GOAL           : 'goal';
K_HAS            : 'has';
K_HEADER         : 'header';
K_IF             : 'if';
K_IN             : 'in';
K_INCREMENT      : 'increment';
K_INFO           : 'info';
K_IS             : 'is';
K_LINT           : 'lint';
K_LIST           : 'list';
K_LIST_JOINED    : 'list_joined';
K_METHOD         : 'method';
K_NEVER          : 'never';
K_NOT            : 'not';
K_OR             : 'or';
K_NOTIFY         : 'notify';
K_OFF            : 'off';
K_ON             : 'on';
K_OWNER          : 'owner';
K_PAYLOAD        : 'payload';
K_POLICY         : 'policy';
K_PREFIX         : 'prefix';
K_PRODUCTION     : 'production';
K_PUSH           : 'push';
K_QUIET_HOURS    : 'quiet_hours';
K_REENROLL       : 'reenroll';
K_RELEASE        : 'release';
K_REMOVE         : 'remove';
K_REQUIRE        : 'require';
K_RETRY          : 'retry';
K_RUN            : 'run';
K_SAFE_MODE      : 'safe_mode';
K_SCHEDULE       : 'schedule';
K_SECRET         : 'secret';
K_SEGMENT        : 'segment';
K_SEND           : 'send';
K_SENDERS        : 'senders';
K_SENT           : 'sent';
K_SET            : 'set';
K_SMS            : 'sms';
K_SOURCE         : 'source';
K_STARTS_WITH    : 'starts_with';
K_STOP           : 'stop';
K_SUBJECT        : 'subject';
K_SUPPRESS       : 'suppress';
K_TAG            : 'tag';
K_TAG_ADDED      : 'tag_added';
K_TARGETS        : 'targets';
K_TEST           : 'test';
K_TEXT           : 'text';
K_THROTTLE       : 'throttle';
K_TIMEOUT        : 'timeout';
K_TIMESTAMP      : 'timestamp';
K_TIMEZONE       : 'timezone';
K_TITLE          : 'title';
K_TO             : 'to';
K_TRANSACTIONAL  : 'transactional';
K_TRUE           : 'true';
K_UNSUBSCRIBE    : 'unsubscribe';
K_UNSUBSCRIBED   : 'unsubscribed';
K_UNTIL          : 'until';
K_URL            : 'url';
K_USE            : 'use';
K_VERSION        : 'version';
K_WAIT           : 'wait';
K_WARNING        : 'warning';
K_WEBHOOK        : 'webhook';
K_WHEN           : 'when';
K_WHERE          : 'where';
K_WITHIN         : 'within';

// ---- punctuation ----------------------------------------------------------
LBRACE   : '{';
RBRACE   : '}';
LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';
SEMI     : ';';
COLON    : ':';
COMMA    : ',';
DOTDOT   : '..';
DOT      : '.';
QUESTION : '?';
PIPE     : '|';
EQEQ     : '==';
NEQ      : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
ASSIGN_OP: '=';
SLASH    : '/';
MINUS    : '-';

// ---- literals -------------------------------------------------------------
TRIPLE_STRING : '"""' .*? '"""';
STRING        : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"';
DATETIME      : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT 'T' DIGIT+ ':' DIGIT+ (':' DIGIT+)?;
DATE          : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT;
VERSION       : DIGIT+ '.' DIGIT+ '.' DIGIT+ ('-' [A-Za-z0-9]+ ('.' [A-Za-z0-9]+)*)?;
CLOCK         : DIGIT+ ':' DIGIT+;
DECIMAL       : DIGIT+ '.' DIGIT+;
DURATION      : DIGIT+ ('.' DIGIT+)? [A-Za-z_] [A-Za-z0-9_]*;
INT           : DIGIT+;
KEBAB         : IDENT_START IDENT_PART* ('-' IDENT_PART+)+;
IDENT         : IDENT_START IDENT_PART*;

// An unterminated string is one token up to the end of the line, so the
// parser reports one clear error instead of a cascade.
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )*;
// Any other character: reported by the parser as an unexpected token.
ERROR_CHAR : .;

fragment DIGIT       : [0-9];
fragment IDENT_START : [A-Za-z_];
fragment IDENT_PART  : [A-Za-z0-9_];
