// Unit tests of the stage-data CSV reader (contacts/csv_reader.h): quoting,
// CRLF, a BOM, typed values, diagnostics with line:column, events with and
// without an offset, and the writer's round trip.
#include "bundle_fixture.h"

#include "contacts/csv_reader.h"
#include "contacts/csv_writer.h"
#include "contacts/iso_time.h"

#include <llvm/Support/raw_ostream.h>

#include <filesystem>
#include <fstream>

namespace mac {
namespace {

constexpr const char *kModel = R"(bundle shop "Shop" { version 1.0.0; }
field email: email;
field phone: phone?;
field note: text?;
field tier: enum("Bronze", "Silver") = "Bronze";
field score: number = 0;
field vip: bool = false;
field joined_at: datetime?;
field birthday: date?;
tag inbound;
list newsletter;
)";

class ContactsTest : public ::testing::Test {
protected:
  void SetUp() override {
    model_ = test::analyse({{"bundle.flow", kModel}});
    ASSERT_FALSE(model_->diags.hasErrors());
  }

  /// Writes `text` to a temporary CSV file and returns its path.
  std::string csv(const std::string &text) {
    path_ =
        (std::filesystem::temp_directory_path() /
         ("mac-contacts-" +
          std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".csv"))
            .string();
    std::ofstream(path_, std::ios::binary) << text;
    return path_;
  }
  void TearDown() override {
    if (!path_.empty())
      std::filesystem::remove(path_);
  }

  std::vector<contacts::ContactRecord> readAll(const std::string &text) {
    auto reader = contacts::ContactReader::open(csv(text), *model_->program, sources_, diags_);
    EXPECT_TRUE(static_cast<bool>(reader));
    std::vector<contacts::ContactRecord> out;
    contacts::ContactRecord record;
    while ((*reader)->next(record))
      out.push_back(record);
    (*reader)->finish();
    return out;
  }

  /// "line:column code" of every diagnostic.
  std::vector<std::string> positions() {
    std::vector<std::string> out;
    for (const diag::Diagnostic &d : diags_.diagnostics()) {
      LineColumn at = sources_.lineColumn(d.range.file, d.range.begin);
      out.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + " " +
                    std::string(diag::ruleInfo(d.code).id) +
                    (d.severity == diag::Severity::Error ? " E" : " W"));
    }
    return out;
  }

  const sema::Value *value(const contacts::ContactRecord &record, std::string_view field) {
    for (size_t i = 0; i < model_->program->fields.size(); ++i)
      if (model_->program->fields[i].name == field)
        return record.value(sema::FieldId{static_cast<uint32_t>(i)});
    return nullptr;
  }

  std::unique_ptr<test::Analysed> model_;
  SourceManager sources_;
  diag::Engine diags_;
  std::string path_;
};

TEST_F(ContactsTest, QuotedCellsCrlfAndBom) {
  auto rows = readAll("\xEF\xBB\xBF"
                      "email,note,tags\r\n"
                      "ana@example.com,\"Hello, \"\"world\"\"\nsecond line\",inbound\r\n"
                      "\r\n"
                      "ben@example.com,plain,\r\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(value(rows[0], "note")->text, "Hello, \"world\"\nsecond line");
  EXPECT_EQ(rows[0].line, 2u);
  ASSERT_EQ(rows[0].tags.size(), 1u);
  EXPECT_EQ(rows[1].line, 5u); // the blank line 4 is skipped
  EXPECT_EQ(value(rows[1], "email")->text, "ben@example.com");
  EXPECT_TRUE(diags_.diagnostics().empty());
}

TEST_F(ContactsTest, TypedValues) {
  auto rows = readAll("email,phone,tier,score,vip,joined_at,birthday,timezone,lists\n"
                      "a@example.com,(415) 555-0101,Silver,42.5,Yes,2026-03-02T10:00:00+02:00,"
                      "1990-05-17,Europe/Berlin,newsletter\n");
  ASSERT_EQ(rows.size(), 1u);
  const contacts::ContactRecord &r = rows[0];
  EXPECT_EQ(value(r, "phone")->text, "+14155550101");
  EXPECT_EQ(value(r, "tier")->text, "Silver");
  EXPECT_DOUBLE_EQ(value(r, "score")->number, 42.5);
  EXPECT_TRUE(value(r, "vip")->boolean);
  EXPECT_EQ(value(r, "joined_at")->text, "2026-03-02T08:00:00Z");
  EXPECT_EQ(value(r, "joined_at")->kind, ast::LiteralKind::DateTime);
  EXPECT_EQ(value(r, "birthday")->kind, ast::LiteralKind::Date);
  EXPECT_EQ(r.timezone, "Europe/Berlin");
  EXPECT_EQ(r.lists.size(), 1u);
  EXPECT_TRUE(diags_.diagnostics().empty());
}

TEST_F(ContactsTest, BadCellsHaveLineAndColumn) {
  auto rows = readAll("email,tier,score,timezone,tags,extra\n"
                      "a@example.com,Silver,1,UTC,,x\n"
                      "not-an-email,Platinum,ten,Mars/Base,unknown_tag,y\n");
  ASSERT_EQ(rows.size(), 2u);
  // The invalid email is kept as written; the bad enum and number are dropped.
  EXPECT_EQ(value(rows[1], "email")->text, "not-an-email");
  EXPECT_EQ(value(rows[1], "tier"), nullptr);
  EXPECT_EQ(value(rows[1], "score"), nullptr);
  EXPECT_EQ(rows[1].timezone, "");
  diags_.sortAndDeduplicate(sources_);
  EXPECT_EQ(positions(),
            (std::vector<std::string>{"1:32 MAC1001 W", "3:1 MAC1004 W", "3:14 MAC1005 E",
                                      "3:23 MAC1004 E", "3:27 MAC0002 W", "3:37 MAC1001 W"}));
}

TEST_F(ContactsTest, MalformedRowIsSkipped) {
  auto rows = readAll("email,note\n"
                      "a@example.com,bad \"quote\n"
                      "b@example.com,fine\n"
                      "c@example.com,\"never closed\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(value(rows[0], "email")->text, "b@example.com");
  EXPECT_EQ(positions(), (std::vector<std::string>{"2:15 MAC0001 E", "4:15 MAC0001 E"}));
}

TEST_F(ContactsTest, DiagnosedPrefixOnly) {
  readAll("email,score\na@example.com,x\nb@example.com,2\nc@example.com,3\n");
  ASSERT_EQ(sources_.fileCount(), 1u);
  EXPECT_EQ(sources_.text(FileId{0}), "email,score\na@example.com,x\n");
}

TEST_F(ContactsTest, Events) {
  auto reader = contacts::EventReader::open(
      csv("at,contact,trigger,value\n"
          "2026-03-02 22:30,ana@example.com,form_submitted,Contact Us\n"
          "2026-03-02T22:30:00Z,ana@example.com,tag_added,inbound\n"
          "2026-03-03T09:00-05:00,ana@example.com,field_changed,tier=Silver\n"
          "2026-03-03T09:00,ana@example.com,tag_removed,inbound\n"
          "2026-02-30T09:00,ana@example.com,event,x\n"),
      *model_->program, sources_, diags_);
  ASSERT_TRUE(static_cast<bool>(reader));
  std::vector<contacts::EventRecord> events;
  contacts::EventRecord event;
  while ((*reader)->next(event))
    events.push_back(event);
  (*reader)->finish();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].trigger, sema::TriggerKind::FormSubmitted);
  EXPECT_EQ(events[0].name, "Contact Us");
  EXPECT_FALSE(events[0].at.offsetSeconds);
  EXPECT_EQ(contacts::formatIsoTime(events[0].at.wallSeconds), "2026-03-02T22:30:00");
  EXPECT_EQ(events[0].at.utcSeconds(-5 * 3600), events[0].at.wallSeconds + 5 * 3600);
  EXPECT_EQ(events[1].at.offsetSeconds, 0);
  EXPECT_TRUE(events[1].tag.isValid());
  EXPECT_EQ(events[2].at.offsetSeconds, -5 * 3600);
  EXPECT_EQ(events[2].value.text, "Silver");
  EXPECT_EQ(positions(), (std::vector<std::string>{"5:34 MAC1001 E", "6:1 MAC0002 E"}));
}

TEST_F(ContactsTest, WriterRoundTrip) {
  std::string out;
  llvm::raw_string_ostream os(out);
  contacts::CsvWriter writer(os);
  writer.writeRow({"plain", "a, b", "say \"hi\"", "two\nlines", " padded", ""});
  os.flush();
  EXPECT_EQ(out, "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\n");
  contacts::CsvScanner scanner(out);
  contacts::CsvRow row;
  contacts::CsvSyntaxError error;
  ASSERT_EQ(scanner.next(row, error), contacts::CsvScanner::Result::Row);
  std::vector<std::string> cells;
  for (const contacts::CsvCell &cell : row.cells)
    cells.push_back(cell.text);
  EXPECT_EQ(cells,
            (std::vector<std::string>{"plain", "a, b", "say \"hi\"", "two\nlines", " padded", ""}));
}

} // namespace
} // namespace mac
