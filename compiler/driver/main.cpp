// The `mac` command line: subcommands on LLVM's command-line library. Only
// driver/ sees llvm::cl. Usage errors exit 2.
#include "backends/capability_matrix.h"
#include "compiler/diag/rule_docs.h"
#include "compiler/driver/build_command.h"
#include "compiler/driver/changelog_command.h"
#include "compiler/driver/check_command.h"
#include "compiler/driver/checklist_command.h"
#include "compiler/driver/deploy_command.h"
#include "compiler/driver/diff_command.h"
#include "compiler/driver/drift_command.h"
#include "compiler/driver/fmt_command.h"
#include "compiler/driver/graph_command.h"
#include "compiler/driver/history_command.h"
#include "compiler/driver/import_command.h"
#include "compiler/driver/incident_command.h"
#include "compiler/driver/mask_command.h"
#include "compiler/driver/promote_command.h"
#include "compiler/driver/rollback_command.h"
#include "compiler/driver/seed_data_command.h"
#include "compiler/driver/simulate_command.h"
#include "compiler/driver/snapshot_command.h"
#include "compiler/driver/stats_command.h"
#include "compiler/driver/test_command.h"
#include "compiler/driver/version.h"
#include "compiler/lsp/lsp.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/WithColor.h>
#include <llvm/Support/raw_ostream.h>

namespace cl = llvm::cl;
using namespace mac;

namespace {

/// Every option of mac; LLVM's own (hundreds, from the libraries) stay hidden.
cl::OptionCategory macOptions("mac options");

cl::SubCommand checkCmd("check", "Check bundles and report diagnostics");
cl::list<std::string> checkPaths(cl::Positional, cl::desc("<bundle-dir | file.flow>..."),
                                 cl::OneOrMore, cl::sub(checkCmd), cl::cat(macOptions));
cl::opt<driver::OutputFormat> checkFormat(
    "format", cl::desc("Output format"), cl::init(driver::OutputFormat::Text),
    cl::values(clEnumValN(driver::OutputFormat::Text, "text", "file:line:col with a caret"),
               clEnumValN(driver::OutputFormat::Json, "json", "one JSON object"),
               clEnumValN(driver::OutputFormat::Sarif, "sarif", "SARIF 2.1.0"),
               clEnumValN(driver::OutputFormat::Github, "github", "GitHub annotations")),
    cl::sub(checkCmd), cl::cat(macOptions));
cl::opt<bool> checkWerror("werror", cl::desc("Treat warnings as errors"), cl::sub(checkCmd),
                          cl::cat(macOptions));
cl::opt<std::string> checkEnv("env", cl::desc("Environment to check for"), cl::value_desc("name"),
                              cl::sub(checkCmd), cl::cat(macOptions));
cl::opt<unsigned> checkMaxDiagnostics(
    "max-diagnostics",
    cl::desc("Print at most N diagnostics, 0 for all (default: 1000 for text and github, all "
             "for json and sarif); the summary and the exit status count every one"),
    cl::value_desc("N"), cl::sub(checkCmd), cl::cat(macOptions));
enum class ColorMode { Auto, Always, Never };
cl::opt<ColorMode> checkColor("color", cl::desc("Colour text output"), cl::init(ColorMode::Auto),
                              cl::values(clEnumValN(ColorMode::Auto, "auto", "on a terminal"),
                                         clEnumValN(ColorMode::Always, "always", "always"),
                                         clEnumValN(ColorMode::Never, "never", "never")),
                              cl::sub(checkCmd), cl::cat(macOptions));

cl::SubCommand graphCmd("graph", "Print the trigger graph of a bundle (which flow starts which)");
cl::opt<std::string> graphPath(cl::Positional, cl::desc("<bundle-dir | file.flow>"), cl::Required,
                               cl::sub(graphCmd), cl::cat(macOptions));
cl::opt<analyzer::GraphFormat> graphFormat(
    "format", cl::desc("Output format"), cl::init(analyzer::GraphFormat::Dot),
    cl::values(clEnumValN(analyzer::GraphFormat::Dot, "dot", "Graphviz dot"),
               clEnumValN(analyzer::GraphFormat::Mermaid, "mermaid", "Mermaid flowchart")),
    cl::sub(graphCmd), cl::cat(macOptions));
cl::opt<std::string> graphEnv("env", cl::desc("Environment to check for"), cl::value_desc("name"),
                              cl::sub(graphCmd), cl::cat(macOptions));

cl::SubCommand snapshotCmd("snapshot",
                           "Record the immutable release releases/<release>-<version>/");
cl::opt<std::string> snapshotPath(cl::Positional, cl::desc("[bundle-dir]"), cl::init("."),
                                  cl::sub(snapshotCmd), cl::cat(macOptions));
cl::opt<std::string> snapshotReleases("releases",
                                      cl::desc("Releases directory (default: BUNDLE/releases)"),
                                      cl::value_desc("dir"), cl::sub(snapshotCmd),
                                      cl::cat(macOptions));
cl::opt<std::string> snapshotDate("date", cl::desc("Manifest date (default: SOURCE_DATE_EPOCH)"),
                                  cl::value_desc("YYYY-MM-DD"), cl::sub(snapshotCmd),
                                  cl::cat(macOptions));

cl::SubCommand rollbackCmd("rollback",
                           "Write an older release's payloads for one environment, with the plan");
cl::opt<std::string> rollbackPath(cl::Positional, cl::desc("[bundle-dir]"), cl::init("."),
                                  cl::sub(rollbackCmd), cl::cat(macOptions));
cl::opt<std::string> rollbackTo("to", cl::desc("The release to roll back to (2.4.1 or LI-2.4.1)"),
                                cl::value_desc("version"), cl::Required, cl::sub(rollbackCmd),
                                cl::cat(macOptions));
cl::opt<std::string> rollbackFrom("from",
                                  cl::desc("The live release (default: the newest snapshot)"),
                                  cl::value_desc("version"), cl::sub(rollbackCmd),
                                  cl::cat(macOptions));
cl::opt<std::string> rollbackEnv("env", cl::desc("Environment"), cl::value_desc("name"),
                                 cl::Required, cl::sub(rollbackCmd), cl::cat(macOptions));
cl::opt<std::string> rollbackOut("o",
                                 cl::desc("Output directory (replaced atomically; or --apply)"),
                                 cl::value_desc("dir"), cl::sub(rollbackCmd), cl::cat(macOptions));
cl::opt<std::string> rollbackReleases("releases",
                                      cl::desc("Releases directory (default: BUNDLE/releases)"),
                                      cl::value_desc("dir"), cl::sub(rollbackCmd),
                                      cl::cat(macOptions));

cl::SubCommand deployCmd("deploy", "Plan, and with --apply perform, a deploy to a platform");
cl::SubCommand promoteCmd("promote", "Deploy to one environment the snapshot another one runs");
cl::opt<std::string> deploySource(cl::Positional, cl::desc("<bundle-dir | snapshot-dir>"),
                                  cl::init("."), cl::sub(deployCmd), cl::sub(promoteCmd),
                                  cl::cat(macOptions));
cl::opt<std::string> deployEnv("env", cl::desc("Environment"), cl::value_desc("name"),
                               cl::Required, cl::sub(deployCmd), cl::cat(macOptions));
cl::opt<std::string> promoteFrom("from", cl::desc("The environment whose release is promoted"),
                                 cl::value_desc("env"), cl::Required, cl::sub(promoteCmd),
                                 cl::cat(macOptions));
cl::opt<std::string> promoteTo("to", cl::desc("The environment it is deployed to"),
                               cl::value_desc("env"), cl::Required, cl::sub(promoteCmd),
                               cl::cat(macOptions));
cl::opt<std::string> deployTarget("target", cl::desc("Platform"), cl::value_desc("name"),
                                  cl::sub(deployCmd), cl::sub(promoteCmd), cl::sub(rollbackCmd),
                                  cl::cat(macOptions));
cl::opt<bool> deployApply("apply", cl::desc("Perform the plan through the platform's API"),
                          cl::sub(deployCmd), cl::sub(promoteCmd), cl::sub(rollbackCmd),
                          cl::cat(macOptions));
cl::opt<std::string> deployConfirm("confirm",
                                   cl::desc("The release tag, to apply to a production environment"),
                                   cl::value_desc("tag"), cl::sub(deployCmd), cl::sub(promoteCmd),
                                   cl::sub(rollbackCmd), cl::cat(macOptions));
cl::opt<std::string> deployEndpoint("endpoint", cl::desc("Override the platform's base URL"),
                                    cl::value_desc("url"), cl::sub(deployCmd), cl::sub(promoteCmd),
                                    cl::sub(rollbackCmd), cl::cat(macOptions));
cl::opt<std::string> deployReleases("releases",
                                    cl::desc("Releases directory (default: BUNDLE/releases)"),
                                    cl::value_desc("dir"), cl::sub(deployCmd), cl::sub(promoteCmd),
                                    cl::cat(macOptions));
cl::opt<std::string> deployActor("actor", cl::desc("Who deploys, for the ledger"),
                                 cl::value_desc("name"), cl::sub(deployCmd), cl::sub(promoteCmd),
                                 cl::sub(rollbackCmd), cl::cat(macOptions));
cl::opt<driver::PlanFormat> deployFormat(
    "format", cl::desc("Plan format"), cl::init(driver::PlanFormat::Text),
    cl::values(clEnumValN(driver::PlanFormat::Text, "text", "for people"),
               clEnumValN(driver::PlanFormat::Json, "json", "for tools")),
    cl::sub(deployCmd), cl::sub(promoteCmd), cl::cat(macOptions));
cl::opt<int> deployMaxRetries("max-retries", cl::desc("Retries of a call (429, 5xx, no answer)"),
                              cl::init(4), cl::sub(deployCmd), cl::sub(promoteCmd),
                              cl::sub(rollbackCmd), cl::cat(macOptions));
cl::opt<int> deployRetryBase("retry-base-ms", cl::desc("First backoff, doubled on each retry"),
                             cl::init(500), cl::sub(deployCmd), cl::sub(promoteCmd),
                             cl::sub(rollbackCmd), cl::cat(macOptions));
cl::opt<int> deployTimeout("timeout", cl::desc("Seconds a call may take"), cl::init(30),
                           cl::sub(deployCmd), cl::sub(promoteCmd), cl::sub(rollbackCmd),
                           cl::cat(macOptions));
cl::opt<bool> deployVerbose("verbose", cl::desc("Log every call"), cl::sub(deployCmd),
                            cl::sub(promoteCmd), cl::sub(rollbackCmd), cl::cat(macOptions));

cl::SubCommand driftCmd("drift", "List hand edits in platform exports against a snapshot's build");
cl::list<std::string> driftExports(cl::Positional, cl::desc("<export.json>..."), cl::OneOrMore,
                                   cl::sub(driftCmd), cl::cat(macOptions));
cl::opt<std::string> driftTarget("target", cl::desc("Platform the exports come from"),
                                 cl::value_desc("name"), cl::Required, cl::sub(driftCmd),
                                 cl::cat(macOptions));
cl::opt<std::string> driftEnv("env", cl::desc("Environment the exports come from"),
                              cl::value_desc("name"), cl::Required, cl::sub(driftCmd),
                              cl::cat(macOptions));
cl::opt<std::string> driftBundle("bundle", cl::desc("Bundle directory (default: .)"),
                                 cl::value_desc("dir"), cl::init("."), cl::sub(driftCmd),
                                 cl::cat(macOptions));
cl::opt<std::string> driftRelease("release", cl::desc("Release to compare with (default: newest)"),
                                  cl::value_desc("version"), cl::sub(driftCmd),
                                  cl::cat(macOptions));
cl::opt<std::string> driftReleases("releases",
                                   cl::desc("Releases directory (default: BUNDLE/releases)"),
                                   cl::value_desc("dir"), cl::sub(driftCmd), cl::cat(macOptions));
cl::opt<bool> driftJson("json", cl::desc("Print the report as JSON"), cl::sub(driftCmd),
                        cl::cat(macOptions));

cl::SubCommand changelogCmd("changelog", "Prepend the current release's entry to CHANGELOG.md");
cl::opt<std::string> changelogPath(cl::Positional, cl::desc("[bundle-dir]"), cl::init("."),
                                   cl::sub(changelogCmd), cl::cat(macOptions));
cl::opt<std::string> changelogFile("file", cl::desc("The changelog (default: BUNDLE/CHANGELOG.md)"),
                                   cl::value_desc("path"), cl::sub(changelogCmd),
                                   cl::cat(macOptions));
cl::opt<std::string> changelogDate("date", cl::desc("Entry date (default: SOURCE_DATE_EPOCH)"),
                                   cl::value_desc("YYYY-MM-DD"), cl::sub(changelogCmd),
                                   cl::cat(macOptions));
cl::opt<std::string> changelogReleases("releases",
                                       cl::desc("Releases directory (default: BUNDLE/releases)"),
                                       cl::value_desc("dir"), cl::sub(changelogCmd),
                                       cl::cat(macOptions));

cl::SubCommand checklistCmd("checklist", "Print the release checklist of one environment");
cl::opt<std::string> checklistPath(cl::Positional, cl::desc("[bundle-dir]"), cl::init("."),
                                   cl::sub(checklistCmd), cl::cat(macOptions));
cl::opt<std::string> checklistEnv("env", cl::desc("Environment"), cl::value_desc("name"),
                                  cl::Required, cl::sub(checklistCmd), cl::cat(macOptions));
cl::opt<std::string> checklistReleases("releases",
                                       cl::desc("Releases directory (default: BUNDLE/releases)"),
                                       cl::value_desc("dir"), cl::sub(checklistCmd),
                                       cl::cat(macOptions));
cl::opt<bool> checklistJson("json", cl::desc("Print JSON instead of Markdown"),
                            cl::sub(checklistCmd), cl::cat(macOptions));

cl::SubCommand buildCmd("build", "Compile a bundle into platform payloads for one environment");
cl::opt<std::string> buildPath(cl::Positional, cl::desc("<bundle-dir | file.flow>"), cl::Required,
                               cl::sub(buildCmd), cl::cat(macOptions));
cl::opt<std::string> buildEnv("env", cl::desc("Environment to build for"), cl::value_desc("name"),
                              cl::Required, cl::sub(buildCmd), cl::cat(macOptions));
cl::list<std::string> buildTargets("target", cl::desc("Targets to build (default: the bundle's)"),
                                   cl::value_desc("name,..."), cl::CommaSeparated,
                                   cl::sub(buildCmd), cl::cat(macOptions));
cl::opt<std::string> buildOut("o",
                              cl::desc("Output directory (replaced atomically), or - for stdout"),
                              cl::value_desc("dir"), cl::Required, cl::sub(buildCmd),
                              cl::cat(macOptions));
cl::opt<std::string> buildDateFlag("date", cl::desc("Manifest date (default: SOURCE_DATE_EPOCH)"),
                                   cl::value_desc("YYYY-MM-DD"), cl::sub(buildCmd),
                                   cl::cat(macOptions));
cl::opt<driver::OutputFormat> buildFormat(
    "format", cl::desc("Diagnostics format (on stderr)"), cl::init(driver::OutputFormat::Text),
    cl::values(clEnumValN(driver::OutputFormat::Text, "text", "file:line:col with a caret"),
               clEnumValN(driver::OutputFormat::Json, "json", "one JSON object"),
               clEnumValN(driver::OutputFormat::Sarif, "sarif", "SARIF 2.1.0"),
               clEnumValN(driver::OutputFormat::Github, "github", "GitHub annotations")),
    cl::sub(buildCmd), cl::cat(macOptions));
cl::opt<bool> buildWerror("werror", cl::desc("Treat warnings as errors"), cl::sub(buildCmd),
                          cl::cat(macOptions));
cl::opt<unsigned> buildMaxDiagnostics("max-diagnostics",
                                      cl::desc("Print at most N diagnostics, 0 for all (as check)"),
                                      cl::value_desc("N"), cl::sub(buildCmd), cl::cat(macOptions));
// `--cache-dir` of check and build (docs/commands.md, "The parse cache").
cl::opt<std::string> cacheDir(
    "cache-dir",
    cl::desc("Keep each file's parse in DIR, keyed by a hash of its bytes, so that a re-check "
             "parses only changed files (default: $MAC_CACHE_DIR; none when unset)"),
    cl::value_desc("dir"), cl::sub(checkCmd), cl::sub(buildCmd), cl::cat(macOptions));
// `--time-phases` of check and build (docs/commands.md).
cl::opt<bool> timePhases("time-phases",
                         cl::desc("After the run, print on stderr the wall time of each phase "
                                  "and of each check"),
                         cl::sub(checkCmd), cl::sub(buildCmd), cl::cat(macOptions));

cl::SubCommand fmtCmd("fmt", "Rewrite .flow files in the canonical style (docs/style.md)");
cl::list<std::string> fmtPaths(cl::Positional, cl::desc("<bundle-dir | file.flow>..."),
                               cl::OneOrMore, cl::sub(fmtCmd), cl::cat(macOptions));
cl::opt<bool> fmtCheck("check", cl::desc("Write nothing; list unformatted files and exit 1"),
                       cl::sub(fmtCmd), cl::cat(macOptions));
cl::opt<bool> fmtDumpAst("dump-ast", cl::desc("Print each file's AST without positions (tests)"),
                         cl::ReallyHidden, cl::sub(fmtCmd), cl::cat(macOptions));
cl::opt<bool> fmtAstOnly("ast-only", cl::desc("Print each file from its AST alone (tests)"),
                         cl::ReallyHidden, cl::sub(fmtCmd), cl::cat(macOptions));

cl::SubCommand importCmd("import", "Import flows from a platform into a readable bundle");
cl::list<std::string> importFiles(cl::Positional, cl::desc("<platform JSON file>..."),
                                  cl::OneOrMore, cl::sub(importCmd), cl::cat(macOptions));
cl::opt<std::string> importFrom("from", cl::desc("Platform the files come from"),
                                cl::value_desc("hubspot|klaviyo|sfmc"), cl::Required,
                                cl::sub(importCmd), cl::cat(macOptions));
cl::opt<std::string> importOut("o", cl::desc("Bundle directory (replaced atomically), or -"),
                               cl::value_desc("dir"), cl::sub(importCmd), cl::cat(macOptions));
cl::opt<std::string> importEnv("env",
                               cl::desc("Environment the flows come from (default: inferred)"),
                               cl::value_desc("name"), cl::sub(importCmd), cl::cat(macOptions));
cl::opt<bool>
    importDump("dump-program",
               cl::desc("Print the Program dump of a bundle for --from and --env (tests)"),
               cl::ReallyHidden, cl::sub(importCmd), cl::cat(macOptions));

cl::SubCommand diffCmd("diff", "Semantic diff of two bundles and the semver gate");
cl::opt<std::string> diffOld(cl::Positional, cl::desc("<old: dir | snapshot | git:REV:PATH>"),
                             cl::Required, cl::sub(diffCmd), cl::cat(macOptions));
cl::opt<std::string> diffNew(cl::Positional, cl::desc("<new: dir | snapshot | git:REV:PATH>"),
                             cl::Required, cl::sub(diffCmd), cl::cat(macOptions));
cl::opt<driver::DiffFormat>
    diffFormat("format", cl::desc("Output format"), cl::init(driver::DiffFormat::Text),
               cl::values(clEnumValN(driver::DiffFormat::Text, "text", "grouped by section"),
                          clEnumValN(driver::DiffFormat::Markdown, "md", "a CHANGELOG entry"),
                          clEnumValN(driver::DiffFormat::Json, "json", "one JSON object")),
               cl::sub(diffCmd), cl::cat(macOptions));

cl::SubCommand testCmd("test", "Run the bundle's `test` blocks in the simulator");
cl::opt<std::string> testPath(cl::Positional, cl::desc("[bundle-dir | file.flow]"), cl::init("."),
                              cl::sub(testCmd), cl::cat(macOptions));
cl::opt<std::string> testEnv("env", cl::desc("Environment of tests without an `env` line"),
                             cl::value_desc("name"), cl::sub(testCmd), cl::cat(macOptions));
cl::opt<std::string> testFilter("filter", cl::desc("Run only tests whose name contains this"),
                                cl::value_desc("name"), cl::sub(testCmd), cl::cat(macOptions));

cl::SubCommand seedCmd("seed-data", "Write synthetic contacts for a bundle's data model (CSV)");
cl::opt<std::string> seedBundle(cl::Positional, cl::desc("[bundle-dir | file.flow]"), cl::init("."),
                                cl::sub(seedCmd), cl::cat(macOptions));
cl::opt<uint64_t> seedCount("count", cl::desc("Number of contacts (required)"), cl::value_desc("N"),
                            cl::sub(seedCmd), cl::cat(macOptions));
cl::opt<bool> seedEdgeCases("edge-cases", cl::desc("Mix in the edge cases of docs/stage-data.md"),
                            cl::sub(seedCmd), cl::cat(macOptions));
cl::opt<uint64_t> seedSeed("seed", cl::desc("Seed of the generator (default 1)"), cl::init(1),
                           cl::value_desc("S"), cl::sub(seedCmd), cl::cat(macOptions));
cl::opt<std::string> seedOut("o", cl::desc("Output file (written atomically), or - for stdout"),
                             cl::init("-"), cl::value_desc("file"), cl::sub(seedCmd),
                             cl::cat(macOptions));
cl::opt<std::string> seedReadContacts("read-contacts",
                                      cl::desc("Read a contacts CSV back and print it (tests)"),
                                      cl::ReallyHidden, cl::sub(seedCmd), cl::cat(macOptions));
cl::opt<std::string> seedReadEvents("read-events",
                                    cl::desc("Read an events CSV and print its events (tests)"),
                                    cl::ReallyHidden, cl::sub(seedCmd), cl::cat(macOptions));

cl::SubCommand simulateCmd("simulate",
                           "Stream a contacts CSV through the bundle (or two versions)");
cl::opt<std::string> simulateBundle(cl::Positional, cl::desc("<bundle-dir | file.flow>"),
                                    cl::Required, cl::sub(simulateCmd), cl::cat(macOptions));
cl::opt<std::string> simulateEnv("env", cl::desc("Environment to simulate (required)"),
                                 cl::value_desc("name"), cl::Required, cl::sub(simulateCmd),
                                 cl::cat(macOptions));
cl::opt<std::string> simulateContacts("contacts", cl::desc("Contacts CSV (required)"),
                                      cl::value_desc("file"), cl::Required, cl::sub(simulateCmd),
                                      cl::cat(macOptions));
cl::opt<std::string> simulateEvents("events", cl::desc("Events CSV"), cl::value_desc("file"),
                                    cl::sub(simulateCmd), cl::cat(macOptions));
cl::opt<uint32_t> simulateDays("days", cl::desc("Days simulated (default 30)"), cl::init(30),
                               cl::value_desc("N"), cl::sub(simulateCmd), cl::cat(macOptions));
cl::opt<std::string> simulateAgainst("against",
                                     cl::desc("Print the blast radius against this version"),
                                     cl::value_desc("old-bundle"), cl::sub(simulateCmd),
                                     cl::cat(macOptions));
cl::opt<sim::ReportFormat> simulateFormat(
    "format", cl::desc("Output format"), cl::init(sim::ReportFormat::Text),
    cl::values(clEnumValN(sim::ReportFormat::Text, "text", "aligned tables"),
               clEnumValN(sim::ReportFormat::Markdown, "md", "Markdown tables"),
               clEnumValN(sim::ReportFormat::Json, "json", "one JSON object"),
               clEnumValN(sim::ReportFormat::Csv, "csv", "one CSV, a section per table")),
    cl::sub(simulateCmd), cl::cat(macOptions));

cl::SubCommand maskCmd("mask", "Mask emails, phones and names of a contacts CSV for stage");
cl::list<std::string> maskPaths(cl::Positional, cl::desc("<contacts.csv> [bundle-dir]"),
                                cl::OneOrMore, cl::sub(maskCmd), cl::cat(macOptions));
cl::opt<std::string> maskSalt("salt", cl::desc("Secret salt of the hashes (required)"),
                              cl::value_desc("salt"), cl::sub(maskCmd), cl::cat(macOptions));
cl::opt<std::string> maskOut("o", cl::desc("Output file (written atomically), or - for stdout"),
                             cl::init("-"), cl::value_desc("file"), cl::sub(maskCmd),
                             cl::cat(macOptions));

cl::SubCommand incidentCmd("incident", "Open or close an incident against a release (ledger)");
cl::list<std::string> incidentArgs(cl::Positional,
                                   cl::desc("open [bundle-dir] | close INC-n [bundle-dir]"),
                                   cl::OneOrMore, cl::sub(incidentCmd), cl::cat(macOptions));
cl::opt<std::string> incidentEnv("env", cl::desc("open: the environment affected"),
                                 cl::value_desc("name"), cl::sub(incidentCmd), cl::cat(macOptions));
cl::opt<std::string> incidentRelease("release", cl::desc("open: the release tag (LI-2.4.1)"),
                                     cl::value_desc("tag"), cl::sub(incidentCmd),
                                     cl::cat(macOptions));
cl::opt<std::string> incidentSummary("summary", cl::desc("open: what happened"),
                                     cl::value_desc("text"), cl::sub(incidentCmd),
                                     cl::cat(macOptions));
cl::opt<std::string> incidentDetected("detected",
                                      cl::desc("open: when it was detected (default now)"),
                                      cl::value_desc("YYYY-MM-DDTHH:MM:SSZ"), cl::sub(incidentCmd),
                                      cl::cat(macOptions));
cl::opt<std::string> incidentBlastRadius("blast-radius", cl::desc("open: who or what was affected"),
                                         cl::value_desc("text"), cl::sub(incidentCmd),
                                         cl::cat(macOptions));
cl::opt<std::string>
    incidentMitigated("mitigated", cl::desc("close: when service was restored (default: resolved)"),
                      cl::value_desc("YYYY-MM-DDTHH:MM:SSZ"), cl::sub(incidentCmd),
                      cl::cat(macOptions));
cl::opt<std::string> incidentResolved("resolved",
                                      cl::desc("close: when the cause was fixed (default now)"),
                                      cl::value_desc("YYYY-MM-DDTHH:MM:SSZ"), cl::sub(incidentCmd),
                                      cl::cat(macOptions));
cl::opt<std::string> incidentNotes("notes", cl::desc("close: what was done"),
                                   cl::value_desc("text"), cl::sub(incidentCmd),
                                   cl::cat(macOptions));
cl::opt<std::string> incidentReleases("releases",
                                      cl::desc("Releases directory (default: BUNDLE/releases)"),
                                      cl::value_desc("dir"), cl::sub(incidentCmd),
                                      cl::cat(macOptions));
cl::opt<std::string> incidentActor("actor", cl::desc("Who logs it (default: $MAC_ACTOR, $USER)"),
                                   cl::value_desc("name"), cl::sub(incidentCmd),
                                   cl::cat(macOptions));

cl::SubCommand historyCmd("history", "List the release ledger (snapshots, deploys, incidents)");
cl::opt<std::string> historyPath(cl::Positional, cl::desc("[bundle-dir | snapshot-dir]"),
                                 cl::init("."), cl::sub(historyCmd), cl::cat(macOptions));
cl::opt<std::string> historyReleases("releases",
                                     cl::desc("Releases directory (default: BUNDLE/releases)"),
                                     cl::value_desc("dir"), cl::sub(historyCmd),
                                     cl::cat(macOptions));
cl::opt<std::string> historyEnv("env", cl::desc("Only this environment's entries"),
                                cl::value_desc("name"), cl::sub(historyCmd), cl::cat(macOptions));
cl::opt<std::string>
    historyKind("kind", cl::desc("Only entries of this kind"),
                cl::value_desc("snapshot|deploy|rollback|incident-open|incident-close"),
                cl::sub(historyCmd), cl::cat(macOptions));
cl::opt<driver::LedgerFormat> historyFormat(
    "format", cl::desc("Output format"), cl::init(driver::LedgerFormat::Text),
    cl::values(clEnumValN(driver::LedgerFormat::Text, "text", "aligned columns"),
               clEnumValN(driver::LedgerFormat::Json, "json", "a JSON array of the entries")),
    cl::sub(historyCmd), cl::cat(macOptions));

cl::SubCommand statsCmd("stats", "Deploy frequency, change failure rate, time to restore (ledger)");
cl::opt<std::string> statsPath(cl::Positional, cl::desc("[bundle-dir | snapshot-dir]"),
                               cl::init("."), cl::sub(statsCmd), cl::cat(macOptions));
cl::opt<std::string> statsReleases("releases",
                                   cl::desc("Releases directory (default: BUNDLE/releases)"),
                                   cl::value_desc("dir"), cl::sub(statsCmd), cl::cat(macOptions));
cl::opt<std::string> statsEnv("env", cl::desc("Only this environment"), cl::value_desc("name"),
                              cl::sub(statsCmd), cl::cat(macOptions));
cl::opt<std::string> statsSince("since", cl::desc("Window start (default: the first entry)"),
                                cl::value_desc("YYYY-MM-DD[THH:MM:SSZ]"), cl::sub(statsCmd),
                                cl::cat(macOptions));
cl::opt<std::string> statsUntil("until", cl::desc("Window end (default: the last entry)"),
                                cl::value_desc("YYYY-MM-DD[THH:MM:SSZ]"), cl::sub(statsCmd),
                                cl::cat(macOptions));
cl::opt<driver::LedgerFormat> statsFormat(
    "format", cl::desc("Output format"), cl::init(driver::LedgerFormat::Text),
    cl::values(clEnumValN(driver::LedgerFormat::Text, "text", "a table per environment"),
               clEnumValN(driver::LedgerFormat::Json, "json", "one JSON object")),
    cl::sub(statsCmd), cl::cat(macOptions));

cl::SubCommand targetsCmd("targets", "List the targets and what each can express");
cl::opt<bool> targetsMarkdown("markdown", cl::desc("Print docs/backends/capabilities.md"),
                              cl::sub(targetsCmd), cl::cat(macOptions));

cl::SubCommand explainCmd("explain", "Explain a diagnostic code or rule name");
cl::opt<std::string> explainRule(cl::Positional, cl::desc("<MACnnnn | rule-name>"), cl::Required,
                                 cl::sub(explainCmd), cl::cat(macOptions));

cl::SubCommand rulesCmd("rules", "List every rule");
cl::opt<bool> rulesMarkdown("markdown", cl::desc("Print docs/diagnostics.md"), cl::sub(rulesCmd),
                            cl::cat(macOptions));

cl::SubCommand lspCmd("lsp", "Serve the Language Server Protocol on stdin/stdout");
cl::opt<bool> lspLitTest("lit-test",
                         cl::desc("Read messages separated by `// -----` lines; pretty output"),
                         cl::sub(lspCmd), cl::cat(macOptions));

int runExplain() {
  auto code = diag::lookupRule(explainRule);
  if (!code) {
    llvm::WithColor::error(llvm::errs(), "mac")
        << "no rule is called '" << explainRule << "'; `mac rules` lists them\n";
    return 2;
  }
  diag::renderExplanation(*code, llvm::outs());
  return 0;
}

/// `mac incident open|close`: which action, its positionals, and only its flags.
int runIncident() {
  llvm::StringRef action = incidentArgs[0];
  size_t positionals = action == "close" ? 2 : 1;
  if (action != "open" && action != "close")
    return driver::reportUsageError("incident wants `open` or `close`, not '" + action + "'");
  if (incidentArgs.size() < positionals)
    return driver::reportUsageError("incident close needs the incident id (INC-n)");
  if (incidentArgs.size() > positionals + 1)
    return driver::reportUsageError("incident " + action + " takes at most one bundle directory");
  std::string path = incidentArgs.size() > positionals ? incidentArgs[positionals] : ".";
  const std::pair<const cl::Option *, bool> flags[] = {
      {&incidentEnv, true},       {&incidentRelease, true},     {&incidentSummary, true},
      {&incidentDetected, true},  {&incidentBlastRadius, true}, {&incidentMitigated, false},
      {&incidentResolved, false}, {&incidentNotes, false}};
  for (auto [option, forOpen] : flags)
    if (option->getNumOccurrences() && forOpen != (action == "open"))
      return driver::reportUsageError("--" + option->ArgStr + " is not an option of `incident " +
                                      action + "`");
  if (action == "close")
    return driver::runIncidentClose({path, incidentReleases, incidentArgs[1], incidentMitigated,
                                     incidentResolved, incidentNotes, incidentActor});
  for (const cl::Option *option :
       std::initializer_list<const cl::Option *>{&incidentEnv, &incidentRelease, &incidentSummary})
    if (!option->getNumOccurrences())
      return driver::reportUsageError("incident open needs --" + option->ArgStr);
  return driver::runIncidentOpen({path, incidentReleases, incidentEnv, incidentRelease,
                                  incidentSummary, incidentDetected, incidentBlastRadius,
                                  incidentActor});
}

/// The options deploy, promote and rollback --apply share.
driver::DeployOptions deployOptions() {
  driver::DeployOptions options;
  options.target = deployTarget;
  options.apply = deployApply;
  options.confirm = deployConfirm;
  options.endpoint = deployEndpoint;
  options.releases = deployReleases;
  options.actor = deployActor;
  options.format = deployFormat;
  options.maxRetries = deployMaxRetries;
  options.retryBaseMs = deployRetryBase;
  options.timeoutSeconds = deployTimeout;
  options.verbose = deployVerbose;
  options.color = llvm::sys::Process::StandardErrHasColors();
  return options;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(macOptions);
  for (auto &entry : cl::getRegisteredOptions(*cl::TopLevelSubCommand)) {
    cl::Option *option = entry.getValue();
    llvm::StringRef name = entry.getKey();
    if (option->Categories.front() != &macOptions && name != "help" && name != "version")
      option->setHiddenFlag(cl::ReallyHidden); // nor suggested for a misspelt option
  }
  cl::SetVersionPrinter([](llvm::raw_ostream &os) { os << "mac " << driver::kVersion << "\n"; });
  if (!cl::ParseCommandLineOptions(
          argc, argv, "mac: compiler and linter for marketing-automation rules\n", &llvm::errs()))
    return 2;

  if (checkCmd) {
    driver::CheckOptions options;
    options.paths.assign(checkPaths.begin(), checkPaths.end());
    options.format = checkFormat;
    options.werror = checkWerror;
    options.color = checkColor == ColorMode::Always ||
                    (checkColor == ColorMode::Auto && llvm::sys::Process::StandardOutIsDisplayed());
    if (checkEnv.getNumOccurrences())
      options.env = checkEnv;
    if (checkMaxDiagnostics.getNumOccurrences())
      options.maxDiagnostics = checkMaxDiagnostics;
    if (cacheDir.getNumOccurrences())
      options.cacheDir = cacheDir;
    options.timePhases = timePhases;
    return driver::runCheck(options);
  }
  if (graphCmd) {
    driver::GraphOptions options{graphPath, graphFormat, std::nullopt};
    if (graphEnv.getNumOccurrences())
      options.env = graphEnv;
    return driver::runGraph(options);
  }
  if (snapshotCmd)
    return driver::runSnapshot({snapshotPath, snapshotReleases, snapshotDate,
                                driver::OutputFormat::Text,
                                llvm::sys::Process::StandardErrHasColors()});
  if (deployCmd) {
    driver::DeployOptions options = deployOptions();
    options.source = deploySource;
    options.env = deployEnv;
    return driver::runDeploy(options);
  }
  if (promoteCmd)
    return driver::runPromote({deploySource, promoteFrom, promoteTo, deployOptions()});
  if (rollbackCmd) {
    driver::RollbackOptions options{rollbackPath, rollbackTo,  rollbackFrom, rollbackEnv,
                                    rollbackOut,  rollbackReleases, std::nullopt};
    if (deployApply) {
      options.apply = deployOptions();
      options.apply->releases = rollbackReleases;
    } else if (rollbackOut.empty()) {
      llvm::WithColor::error(llvm::errs(), "mac") << "rollback needs -o DIR, or --apply\n";
      return 2;
    }
    return driver::runRollback(options);
  }
  if (driftCmd)
    return driver::runDrift({driftTarget,
                             driftEnv,
                             driftBundle,
                             driftRelease,
                             driftReleases,
                             {driftExports.begin(), driftExports.end()},
                             driftJson});
  if (changelogCmd)
    return driver::runChangelog({changelogPath, changelogFile, changelogDate, changelogReleases,
                                 llvm::sys::Process::StandardErrHasColors()});
  if (checklistCmd)
    return driver::runChecklist({checklistPath, checklistEnv, checklistReleases, checklistJson});
  if (buildCmd) {
    driver::BuildCommandOptions options;
    options.path = buildPath;
    options.env = buildEnv;
    options.targets.assign(buildTargets.begin(), buildTargets.end());
    options.out = buildOut;
    options.date = buildDateFlag;
    options.format = buildFormat;
    options.werror = buildWerror;
    options.color = llvm::sys::Process::StandardErrHasColors();
    if (buildMaxDiagnostics.getNumOccurrences())
      options.maxDiagnostics = buildMaxDiagnostics;
    if (cacheDir.getNumOccurrences())
      options.cacheDir = cacheDir;
    options.timePhases = timePhases;
    return driver::runBuild(options);
  }
  if (fmtCmd)
    return driver::runFmt({{fmtPaths.begin(), fmtPaths.end()}, fmtCheck, fmtDumpAst, fmtAstOnly});
  if (importCmd) {
    driver::ImportOptions options;
    options.from = importFrom;
    options.files.assign(importFiles.begin(), importFiles.end());
    options.out = importOut;
    options.env = importEnv;
    options.color = llvm::sys::Process::StandardErrHasColors();
    options.dumpProgram = importDump;
    return driver::runImport(options);
  }
  if (diffCmd)
    return driver::runDiff(
        {diffOld, diffNew, diffFormat, llvm::sys::Process::StandardErrHasColors()});
  if (testCmd) {
    driver::TestOptions options{testPath, std::nullopt, testFilter,
                                llvm::sys::Process::StandardOutIsDisplayed()};
    if (testEnv.getNumOccurrences())
      options.env = testEnv;
    return driver::runTests(options);
  }
  if (seedCmd) {
    if (!seedCount.getNumOccurrences() && seedReadContacts.empty() && seedReadEvents.empty()) {
      llvm::WithColor::error(llvm::errs(), "mac") << "seed-data needs --count N\n";
      return 2;
    }
    return driver::runSeedData({seedBundle, seedCount, seedEdgeCases, seedSeed, seedOut,
                                seedReadContacts, seedReadEvents});
  }
  if (simulateCmd) {
    if (simulateDays == 0) {
      llvm::WithColor::error(llvm::errs(), "mac") << "simulate needs --days of at least 1\n";
      return 2;
    }
    driver::SimulateOptions options{simulateBundle,   simulateEnv,
                                    simulateContacts, simulateEvents,
                                    simulateDays,     std::nullopt,
                                    simulateFormat,   llvm::sys::Process::StandardErrIsDisplayed()};
    if (simulateAgainst.getNumOccurrences())
      options.against = simulateAgainst;
    return driver::runSimulate(options);
  }
  if (maskCmd) {
    if (maskPaths.size() > 2) {
      llvm::WithColor::error(llvm::errs(), "mac") << "mask takes one CSV and at most one bundle\n";
      return 2;
    }
    driver::MaskCommandOptions options{maskPaths[0], maskSalt, std::nullopt, maskOut};
    if (maskPaths.size() == 2)
      options.bundle = maskPaths[1];
    return driver::runMask(options);
  }
  if (incidentCmd)
    return runIncident();
  if (historyCmd)
    return driver::runHistory(
        {historyPath, historyReleases, historyEnv, historyKind, historyFormat});
  if (statsCmd)
    return driver::runStats(
        {statsPath, statsReleases, statsEnv, statsSince, statsUntil, statsFormat});
  if (targetsCmd) {
    if (targetsMarkdown)
      backend::renderCapabilityMarkdown(llvm::outs());
    else
      backend::renderCapabilityTable(llvm::outs());
    return 0;
  }
  if (explainCmd)
    return runExplain();
  if (lspCmd)
    return lsp::runLanguageServer(lspLitTest);
  if (rulesCmd) {
    if (rulesMarkdown)
      diag::renderDiagnosticsMarkdown(llvm::outs());
    else
      diag::renderRuleList(llvm::outs());
    return 0;
  }
  llvm::errs()
      << "usage: mac "
         "<check|build|test|snapshot|diff|changelog|rollback|deploy|promote|incident|history|stats|"
         "drift|checklist|fmt|import|"
         "seed-data|mask|simulate|graph|lsp|targets|explain|rules> ... (mac --help for more)\n";
  return 2;
}
