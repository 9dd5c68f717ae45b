#include "store/issuance_log.h"

#include <array>
#include <utility>

#include "store/epoch_seconds.h"

namespace foyer::store {
namespace {

constexpr std::array<std::pair<IssuanceMethod, std::string_view>, 5> kMethodNames = {{
    {IssuanceMethod::kAssumeRole, "assume-role"},
    {IssuanceMethod::kWebIdentity, "web-identity"},
    {IssuanceMethod::kSaml, "saml"},
    {IssuanceMethod::kGetSessionToken, "get-session-token"},
    {IssuanceMethod::kSso, "sso"},
}};

constexpr std::array<std::string_view, 1> kMigrations = {
    "CREATE TABLE issuances ("
    "  id INTEGER PRIMARY KEY,"
    "  issued_at INTEGER NOT NULL,"
    "  source_identity TEXT NOT NULL,"
    "  principal TEXT NOT NULL,"
    "  target_account TEXT NOT NULL,"
    "  role_arn TEXT NOT NULL,"
    "  access_key_id TEXT NOT NULL,"
    "  expires_at INTEGER,"
    // A method added later needs a new schema version, so an older foyer
    // refuses the file instead of misreading rows.
    "  method TEXT NOT NULL CHECK (method IN "
    "    ('assume-role', 'web-identity', 'saml', 'get-session-token', 'sso')),"
    "  request_id TEXT NOT NULL);"
    "CREATE INDEX issuances_by_time ON issuances (issued_at);",
};

}  // namespace

std::string_view IssuanceMethodName(IssuanceMethod method) {
  for (const auto& [known, name] : kMethodNames) {
    if (known == method) return name;
  }
  return "unknown";
}

std::optional<IssuanceMethod> ParseIssuanceMethod(std::string_view name) {
  for (const auto& [method, known] : kMethodNames) {
    if (known == name) return method;
  }
  return std::nullopt;
}

Result<IssuanceLog> IssuanceLog::Open(const StateDir& state) {
  auto db = Database::Open(state.File("issuance.db"));
  if (!db.ok()) return db.error();
  FOYER_RETURN_IF_ERROR(db->Migrate(kMigrations));
  return IssuanceLog(std::move(*db));
}

Status IssuanceLog::Record(const Issuance& issuance) {
  auto insert = db_.Prepare(
      "INSERT INTO issuances (issued_at, source_identity, principal, target_account, role_arn, "
      "access_key_id, expires_at, method, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.error();
  std::optional<std::int64_t> expires_at;
  if (issuance.expires_at) expires_at = ToEpochSeconds(*issuance.expires_at);
  FOYER_RETURN_IF_ERROR(insert->BindAll(
      ToEpochSeconds(issuance.issued_at), issuance.source_identity, issuance.principal,
      issuance.target_account, issuance.role_arn, issuance.access_key_id, expires_at,
      IssuanceMethodName(issuance.method), issuance.request_id));
  return insert->Run();
}

Result<std::vector<Issuance>> IssuanceLog::Between(SystemTime from, SystemTime to) const {
  auto select = db_.Prepare(
      "SELECT issued_at, source_identity, principal, target_account, role_arn, access_key_id, "
      "expires_at, method, request_id FROM issuances WHERE issued_at >= ? AND issued_at < ? "
      "ORDER BY issued_at, id");
  if (!select.ok()) return select.error();
  FOYER_RETURN_IF_ERROR(select->BindAll(ToEpochSeconds(from), ToEpochSeconds(to)));
  std::vector<Issuance> found;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    Issuance issuance;
    issuance.issued_at = FromEpochSeconds(select->ColumnInt(0));
    issuance.source_identity = select->ColumnText(1);
    issuance.principal = select->ColumnText(2);
    issuance.target_account = select->ColumnText(3);
    issuance.role_arn = select->ColumnText(4);
    issuance.access_key_id = select->ColumnText(5);
    if (auto expires_at = select->ColumnOptionalInt(6)) issuance.expires_at = FromEpochSeconds(*expires_at);
    auto method = ParseIssuanceMethod(select->ColumnText(7));
    if (!method) {
      return MakeError(kStateError, db_.path().string() + " holds an unknown issuance method \"" +
                                        select->ColumnText(7) + "\"; move the file away.");
    }
    issuance.method = *method;
    issuance.request_id = select->ColumnText(8);
    found.push_back(std::move(issuance));
  }
  return found;
}

}  // namespace foyer::store
