// Syntax of the Flow language (LANGUAGE.md §1–7, §11). Lists are written as
// loops (`x*`, `(',' x)*`) and conditions as flat and/or chains, so the parse
// tree stays shallow however long the input; only brackets nest, and their
// depth is bounded before parsing (MAC0006). Literal values are checked when
// the AST is built, not here.
parser grammar FlowParser;

options { tokenVocab = FlowLexer; }

file : item* EOF ;

item
  : bundleDecl | useDecl | envDecl | fieldDecl | consentDecl | tagDecl | listDecl
  | segmentDecl | emailDecl | smsDecl | pushDecl | webhookDecl | flagDecl | policyDecl
  | flowDecl | lintDecl | testDecl
  ;

// ---- §1 bundles and files ------------------------------------------------
bundleDecl : K_BUNDLE ident display? LBRACE bundleProp* RBRACE ;
bundleProp
  : K_VERSION versionLit SEMI                       # bundleVersion
  | K_RELEASE str SEMI                              # bundleRelease
  | K_TARGETS ident (COMMA ident)* SEMI             # bundleTargets
  | K_SENDERS str (COMMA str)* SEMI                 # bundleSenders
  ;
versionLit : VERSION | DECIMAL | INT ;
useDecl : K_USE (ident (DOT ident)* | str) SEMI ;

// ---- §2 environments -----------------------------------------------------
envDecl : K_ENV ident display? LBRACE envProp* RBRACE ;
envProp
  : K_PREFIX str SEMI                               # envPrefix
  | K_SAFE_MODE ident SEMI                          # envSafeMode
  | K_THROTTLE rate SEMI                            # envThrottle
  | K_PRODUCTION SEMI                               # envProduction
  ;

// ---- §3 data model -------------------------------------------------------
fieldDecl : K_FIELD ident display? COLON typeRef QUESTION? (ASSIGN_OP literal)? SEMI ;
typeRef
  : K_ENUM LPAREN str (COMMA str)* RPAREN           # enumType
  | ident                                           # namedType
  ;
consentDecl : K_CONSENT ident LBRACE consentProp* RBRACE ;
consentProp
  : K_FIELD ident SEMI                              # consentField
  | K_TIMESTAMP ident SEMI                          # consentTimestamp
  | K_SOURCE ident SEMI                             # consentSource
  ;
tagDecl     : K_TAG ident display? SEMI ;
listDecl    : K_LIST ident display? SEMI ;
segmentDecl : K_SEGMENT ident display? K_WHERE condition SEMI ;

// ---- §4 templates --------------------------------------------------------
emailDecl : K_EMAIL ident display? LBRACE emailProp* RBRACE ;
emailProp
  : K_FROM str SEMI                                 # emailFrom
  | K_SUBJECT str SEMI                              # emailSubject
  | K_BODY K_FILE str SEMI                          # emailBodyFile
  | K_BODY str SEMI                                 # emailBody
  | K_UNSUBSCRIBE ident SEMI                        # emailUnsubscribe
  | K_TRANSACTIONAL SEMI                            # emailTransactional
  ;
smsDecl : K_SMS ident display? LBRACE smsProp* RBRACE ;
smsProp
  : K_TEXT str SEMI                                 # smsText
  | K_TRANSACTIONAL SEMI                            # smsTransactional
  ;
pushDecl : K_PUSH ident display? LBRACE pushProp* RBRACE ;
pushProp
  : K_TITLE str SEMI                                # pushTitle
  | K_TEXT str SEMI                                 # pushText
  | K_TRANSACTIONAL SEMI                            # pushTransactional
  ;

// ---- §5 webhooks, flags, policies ----------------------------------------
webhookDecl : K_WEBHOOK ident display? LBRACE webhookProp* RBRACE ;
webhookProp
  : K_METHOD ident SEMI                             # webhookMethod
  | K_URL ident? str SEMI                           # webhookUrl
  | K_HEADER str K_SECRET str SEMI                  # webhookSecretHeader
  | K_HEADER str str SEMI                           # webhookHeader
  | K_PAYLOAD ident (COMMA ident)* SEMI             # webhookPayload
  | K_RETRY INT K_BACKOFF DURATION SEMI             # webhookRetry
  | K_DEAD_LETTER str SEMI                          # webhookDeadLetter
  | K_ALERT str SEMI                                # webhookAlert
  ;
flagDecl : K_FLAG ident display? LBRACE flagProp* RBRACE ;
flagProp
  : K_WHEN condition SEMI                           # flagWhen
  | K_ENVS ident (COMMA ident)* SEMI                # flagEnvs
  | K_OFF SEMI                                      # flagOff
  | K_ON SEMI                                       # flagOn
  ;
policyDecl : K_POLICY ident display? LBRACE policyStmt* RBRACE ;
policyStmt
  : K_QUIET_HOURS ident CLOCK DOTDOT CLOCK (ident | str)? SEMI   # quietHours
  | K_SUPPRESS K_UNSUBSCRIBED SEMI                              # suppressUnsubscribed
  | K_SUPPRESS K_LIST ident SEMI                                # suppressList
  | K_SUPPRESS K_SEGMENT ident SEMI                             # suppressSegment
  | K_REQUIRE K_CONSENT ident SEMI                              # requireConsent
  ;

// ---- §6 flows -------------------------------------------------------------
flowDecl : K_FLOW ident display? LBRACE flowItem* RBRACE ;
flowItem : trigger | flowSetting | policyStmt | statement ;
trigger : K_ON triggerSpec SEMI ;
triggerSpec
  : K_FORM_SUBMITTED str                            # formTrigger
  | K_TAG_ADDED ident                               # tagTrigger
  | K_LIST_JOINED ident                             # listTrigger
  | K_FIELD_CHANGED ident (K_TO literal)?           # fieldTrigger
  | K_EVENT str                                     # eventTrigger
  | K_SCHEDULE K_DAILY K_AT CLOCK                   # scheduleTrigger
  ;
flowSetting
  : K_REENROLL K_NEVER SEMI                         # reenrollNever
  | K_REENROLL K_AFTER DURATION SEMI                # reenrollAfter
  | K_DEDUPE K_BY ident (COMMA ident)* SEMI         # dedupe
  | K_THROTTLE rate SEMI                            # flowThrottle
  | K_GOAL condition SEMI                           # goal
  | K_REQUIRE condition SEMI                        # require
  ;

statement
  : K_IF condition block (K_ELSE K_IF condition block)* (K_ELSE block)?   # ifStmt
  | K_SET ident ASSIGN_OP literal SEMI              # setStmt
  | K_SEND ident SEMI                               # sendStmt
  | K_WAIT K_UNTIL CLOCK SEMI                       # waitUntilStmt
  | K_WAIT K_FOR K_EVENT str K_TIMEOUT DURATION SEMI # waitEventStmt
  | K_WAIT DURATION SEMI                            # waitStmt
  | K_CALL ident SEMI                               # callStmt
  | K_ASSIGN K_OWNER ident str SEMI                 # assignStmt
  | K_ADD K_TAG ident SEMI                          # addTagStmt
  | K_REMOVE K_TAG ident SEMI                       # removeTagStmt
  | K_ADD K_TO K_LIST ident SEMI                    # addListStmt
  | K_REMOVE K_FROM K_LIST ident SEMI               # removeListStmt
  | K_INCREMENT ident K_BY number SEMI              # incrementStmt
  | K_NOTIFY str str SEMI                           # notifyStmt
  | K_EMIT K_EVENT str SEMI                         # emitStmt
  | K_STOP SEMI                                     # stopStmt
  ;
block : LBRACE statement* RBRACE ;

// ---- conditions: flat chains, `not` as a prefix count ---------------------
condition : andCondition (K_OR andCondition)* ;
andCondition : notCondition (K_AND notCondition)* ;
notCondition : K_NOT* primaryCondition ;
primaryCondition
  : LPAREN condition RPAREN                         # parenCond
  | K_TRUE                                          # trueCond
  | K_FALSE                                         # falseCond
  | K_CONSENT ident                                 # consentCond
  | K_FLAG ident                                    # flagCond
  | K_IN K_LIST ident                               # inListCond
  | K_IN K_SEGMENT ident                            # inSegmentCond
  | K_HAS K_TAG ident                               # hasTagCond
  | ident compareOp literal                         # compareCond
  | ident K_IN LBRACKET literal (COMMA literal)* RBRACKET       # inValuesCond
  | ident (K_CONTAINS | K_STARTS_WITH | K_ENDS_WITH) str        # textCond
  | ident K_IS (K_SET | K_EMPTY)                    # isCond
  ;
compareOp : EQEQ | NEQ | LT | LE | GT | GE ;

// ---- §7 lint control --------------------------------------------------------
lintDecl : K_LINT LBRACE lintStmt* RBRACE ;
lintStmt : (K_DISABLE | K_ERROR | K_WARNING | K_INFO) ruleRef (COMMA ruleRef)* SEMI ;
ruleRef : KEBAB | ident ;

// ---- §11 tests ----------------------------------------------------------------
testDecl : K_TEST ident display? LBRACE testItem* RBRACE ;
testItem
  : K_ENV ident SEMI                                # testEnv
  | K_CONTACT LBRACE contactItem* RBRACE            # testContact
  | K_AT when triggerSpec SEMI                      # testEvent
  | K_RUN K_FOR DURATION SEMI                       # testHorizon
  | K_EXPECT expectation SEMI                       # testExpect
  ;
contactItem
  : ident ASSIGN_OP literal SEMI                    # contactField
  | K_TIMEZONE str SEMI                             # contactTimezone
  | K_TAG ident SEMI                                # contactTag
  | K_LIST ident SEMI                               # contactList
  ;
expectation
  : K_NOT? K_SENT ident timing?                     # expectSent
  | K_NOT? K_CALLED ident timing?                   # expectCalled
  | K_NOT? K_ENROLLED ident                         # expectEnrolled
  | condition                                       # expectCondition
  ;
timing
  : K_WITHIN DURATION                               # timingWithin
  | K_AT when                                       # timingAt
  | K_BETWEEN when K_AND when                       # timingBetween
  ;
when : DATE CLOCK? | DATETIME ;

// ---- shared pieces --------------------------------------------------------------
display : str ;
str : STRING | TRIPLE_STRING ;
number : MINUS? (INT | DECIMAL) ;
rate : INT SLASH ident ;
literal : str | number | K_TRUE | K_FALSE | DATE | DATETIME | CLOCK | DURATION ;

// Names: any identifier or keyword except the few that start or join conditions.
ident
  : IDENT
  | K_ADD | K_AFTER | K_ALERT | K_ASSIGN | K_AT | K_BACKOFF | K_BETWEEN | K_BODY | K_BUNDLE
  | K_BY | K_CALL | K_CALLED | K_CONSENT | K_CONTACT | K_CONTAINS | K_DAILY | K_DEAD_LETTER
  | K_DEDUPE | K_DISABLE | K_EMAIL | K_EMIT | K_EMPTY | K_ENDS_WITH | K_ENROLLED | K_ENUM
  | K_ENV | K_ENVS | K_ERROR | K_EVENT | K_EXPECT | K_FIELD | K_FIELD_CHANGED | K_FILE
  | K_FLAG | K_FLOW | K_FOR | K_FORM_SUBMITTED | K_FROM | K_GOAL | K_HAS | K_HEADER
  | K_INCREMENT | K_INFO | K_LINT | K_LIST | K_LIST_JOINED | K_METHOD | K_NEVER | K_NOTIFY
  | K_OFF | K_ON | K_OWNER | K_PAYLOAD | K_POLICY | K_PREFIX | K_PRODUCTION | K_PUSH
  | K_QUIET_HOURS | K_REENROLL | K_RELEASE | K_REMOVE | K_REQUIRE | K_RETRY | K_RUN
  | K_SAFE_MODE | K_SCHEDULE | K_SECRET | K_SEGMENT | K_SEND | K_SENDERS | K_SENT | K_SET
  | K_SMS | K_SOURCE | K_STARTS_WITH | K_STOP | K_SUBJECT | K_SUPPRESS | K_TAG | K_TAG_ADDED
  | K_TARGETS | K_TEST | K_TEXT | K_THROTTLE | K_TIMEOUT | K_TIMESTAMP | K_TIMEZONE | K_TITLE
  | K_TO | K_TRANSACTIONAL | K_UNSUBSCRIBE | K_UNSUBSCRIBED | K_UNTIL | K_URL | K_USE
  | K_VERSION | K_WAIT | K_WARNING | K_WEBHOOK | K_WHEN | K_WHERE | K_WITHIN
  ;
