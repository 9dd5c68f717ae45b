// IamClient: users, their inline policies and tags, access keys, MFA devices.
#include "aws/iam.h"
#include "aws/iam_document.h"
#include "aws/iam_wire.h"

namespace foyer::aws {

using iam_wire::Call;

Result<IamUser> IamClient::CreateUser(const CreateUserRequest& request) {
  QueryParams params;
  params.Add("UserName", request.user_name);
  params.AddIfNotEmpty("Path", request.path);
  params.AddIfNotEmpty("PermissionsBoundary", request.permissions_boundary);
  params.AddPairList("Tags", request.tags);
  Result<XmlResult> result = caller_->CallQuery("CreateUser", params);
  if (!result.ok()) return result.error();
  return iam_wire::ReadUser(Child(result->node, "User"));
}

Result<IamUser> IamClient::GetUser(const std::string& user_name) {
  QueryParams params;
  params.AddIfNotEmpty("UserName", user_name);
  Result<XmlResult> result = caller_->CallQuery("GetUser", params);
  if (!result.ok()) return result.error();
  return iam_wire::ReadUser(Child(result->node, "User"));
}

Status IamClient::DeleteUser(const std::string& user_name) {
  QueryParams params;
  params.Add("UserName", user_name);
  return Call(*caller_, "DeleteUser", params);
}

Result<std::vector<IamUser>> IamClient::ListUsers(const std::string& path_prefix) {
  QueryParams params;
  params.AddIfNotEmpty("PathPrefix", path_prefix);
  std::vector<IamUser> users;
  Status status = Pages("ListUsers", params, [&](pugi::xml_node page) {
    for (pugi::xml_node member : Members(Child(page, "Users"))) users.push_back(iam_wire::ReadUser(member));
  });
  if (!status.ok()) return status.error();
  return users;
}

Status IamClient::PutUserPolicy(const std::string& user_name, const InlinePolicy& policy) {
  QueryParams params;
  params.Add("UserName", user_name);
  params.Add("PolicyName", policy.policy_name);
  params.Add("PolicyDocument", policy.policy_document);
  return Call(*caller_, "PutUserPolicy", params);
}

Result<InlinePolicy> IamClient::GetUserPolicy(const std::string& user_name,
                                              const std::string& policy_name) {
  QueryParams params;
  params.Add("UserName", user_name);
  params.Add("PolicyName", policy_name);
  Result<XmlResult> result = caller_->CallQuery("GetUserPolicy", params);
  if (!result.ok()) return result.error();
  return InlinePolicy{ChildText(result->node, "PolicyName"),
                      DecodePolicyDocument(ChildText(result->node, "PolicyDocument"))};
}

Status IamClient::DeleteUserPolicy(const std::string& user_name, const std::string& policy_name) {
  QueryParams params;
  params.Add("UserName", user_name);
  params.Add("PolicyName", policy_name);
  return Call(*caller_, "DeleteUserPolicy", params);
}

Result<std::vector<std::string>> IamClient::ListUserPolicies(const std::string& user_name) {
  QueryParams params;
  params.Add("UserName", user_name);
  std::vector<std::string> names;
  Status status = Pages("ListUserPolicies", params, [&](pugi::xml_node page) {
    for (std::string& name : MemberTexts(page, "PolicyNames")) names.push_back(std::move(name));
  });
  if (!status.ok()) return status.error();
  return names;
}

Status IamClient::TagUser(const std::string& user_name, const TagList& tags) {
  QueryParams params;
  params.Add("UserName", user_name);
  params.AddPairList("Tags", tags);
  return Call(*caller_, "TagUser", params);
}

Status IamClient::UntagUser(const std::string& user_name, const std::vector<std::string>& tag_keys) {
  QueryParams params;
  params.Add("UserName", user_name);
  params.AddList("TagKeys", tag_keys);
  return Call(*caller_, "UntagUser", params);
}

Result<TagList> IamClient::ListUserTags(const std::string& user_name) {
  QueryParams params;
  params.Add("UserName", user_name);
  TagList tags;
  Status status = Pages("ListUserTags", params, [&](pugi::xml_node page) {
    TagList page_tags = iam_wire::ReadTags(page);
    tags.insert(tags.end(), page_tags.begin(), page_tags.end());
  });
  if (!status.ok()) return status.error();
  return tags;
}

Result<AccessKey> IamClient::CreateAccessKey(const std::string& user_name) {
  QueryParams params;
  params.AddIfNotEmpty("UserName", user_name);
  Result<XmlResult> result = caller_->CallQuery("CreateAccessKey", params);
  if (!result.ok()) return result.error();
  return iam_wire::ReadAccessKey(Child(result->node, "AccessKey"));
}

Result<std::vector<AccessKey>> IamClient::ListAccessKeys(const std::string& user_name) {
  QueryParams params;
  params.AddIfNotEmpty("UserName", user_name);
  std::vector<AccessKey> keys;
  Status status = Pages("ListAccessKeys", params, [&](pugi::xml_node page) {
    for (pugi::xml_node member : Members(Child(page, "AccessKeyMetadata"))) {
      keys.push_back(iam_wire::ReadAccessKey(member));
    }
  });
  if (!status.ok()) return status.error();
  return keys;
}

Status IamClient::UpdateAccessKey(const std::string& user_name, const std::string& access_key_id,
                                  const std::string& status) {
  QueryParams params;
  params.AddIfNotEmpty("UserName", user_name);
  params.Add("AccessKeyId", access_key_id);
  params.Add("Status", status);
  return Call(*caller_, "UpdateAccessKey", params);
}

Status IamClient::DeleteAccessKey(const std::string& user_name, const std::string& access_key_id) {
  QueryParams params;
  params.AddIfNotEmpty("UserName", user_name);
  params.Add("AccessKeyId", access_key_id);
  return Call(*caller_, "DeleteAccessKey", params);
}

Result<AccessKeyLastUsed> IamClient::GetAccessKeyLastUsed(const std::string& access_key_id) {
  QueryParams params;
  params.Add("AccessKeyId", access_key_id);
  Result<XmlResult> result = caller_->CallQuery("GetAccessKeyLastUsed", params);
  if (!result.ok()) return result.error();
  pugi::xml_node last_used = Child(result->node, "AccessKeyLastUsed");
  return AccessKeyLastUsed{ChildText(result->node, "UserName"), ChildTime(last_used, "LastUsedDate"),
                           ChildText(last_used, "ServiceName"), ChildText(last_used, "Region")};
}

Result<VirtualMfaDevice> IamClient::CreateVirtualMfaDevice(const std::string& device_name,
                                                           const std::string& path,
                                                           const TagList& tags) {
  QueryParams params;
  params.Add("VirtualMFADeviceName", device_name);
  params.AddIfNotEmpty("Path", path);
  params.AddPairList("Tags", tags);
  Result<XmlResult> result = caller_->CallQuery("CreateVirtualMFADevice", params);
  if (!result.ok()) return result.error();
  pugi::xml_node device = Child(result->node, "VirtualMFADevice");
  return VirtualMfaDevice{ChildText(device, "SerialNumber"), ChildText(device, "Base32StringSeed")};
}

Status IamClient::EnableMfaDevice(const std::string& user_name, const std::string& serial_number,
                                  const std::string& code1, const std::string& code2) {
  QueryParams params;
  params.Add("UserName", user_name);
  params.Add("SerialNumber", serial_number);
  params.Add("AuthenticationCode1", code1);
  params.Add("AuthenticationCode2", code2);
  return Call(*caller_, "EnableMFADevice", params);
}

Status IamClient::DeactivateMfaDevice(const std::string& user_name,
                                      const std::string& serial_number) {
  QueryParams params;
  params.Add("UserName", user_name);
  params.Add("SerialNumber", serial_number);
  return Call(*caller_, "DeactivateMFADevice", params);
}

Result<std::vector<MfaDevice>> IamClient::ListMfaDevices(const std::string& user_name) {
  QueryParams params;
  params.AddIfNotEmpty("UserName", user_name);
  std::vector<MfaDevice> devices;
  Status status = Pages("ListMFADevices", params, [&](pugi::xml_node page) {
    for (pugi::xml_node member : Members(Child(page, "MFADevices"))) {
      devices.push_back({ChildText(member, "UserName"), ChildText(member, "SerialNumber"),
                         ChildTime(member, "EnableDate")});
    }
  });
  if (!status.ok()) return status.error();
  return devices;
}

Status IamClient::DeleteVirtualMfaDevice(const std::string& serial_number) {
  QueryParams params;
  params.Add("SerialNumber", serial_number);
  return Call(*caller_, "DeleteVirtualMFADevice", params);
}

}  // namespace foyer::aws
