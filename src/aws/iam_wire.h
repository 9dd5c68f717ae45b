// Shared by the IamClient implementation files: reading IAM's XML shapes
// into iam_types.h structs, and the Marker/IsTruncated paging loop.
// Not for use outside the IAM client (and its tests).
#ifndef FOYER_AWS_IAM_WIRE_H_
#define FOYER_AWS_IAM_WIRE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "aws/iam_types.h"
#include "aws/query_params.h"
#include "aws/service_call.h"
#include "base/result.h"

namespace foyer::aws::iam_wire {

const ServiceDescription& Iam();

// Readers of one XML element each. Policy documents are decoded.
IamRole ReadRole(pugi::xml_node role);
IamUser ReadUser(pugi::xml_node user);
ManagedPolicy ReadManagedPolicy(pugi::xml_node policy);
PolicyVersion ReadPolicyVersion(pugi::xml_node version);
AccessKey ReadAccessKey(pugi::xml_node key);
// The <member><Key/><Value/></member> list under `parent`.`name`.
TagList ReadTags(pugi::xml_node parent, std::string_view name = "Tags");
// <member><PolicyName/><PolicyArn/></member> lists.
std::vector<AttachedPolicy> ReadAttachedPolicies(pugi::xml_node list);
// <member><PolicyName/><PolicyDocument/></member> lists (authorization details).
std::vector<InlinePolicy> ReadInlinePolicies(pugi::xml_node list);
RoleDetail ReadRoleDetail(pugi::xml_node detail);
UserDetail ReadUserDetail(pugi::xml_node detail);
GroupDetail ReadGroupDetail(pugi::xml_node detail);
PolicyDetail ReadPolicyDetail(pugi::xml_node detail);

// Calls `action` and drops its (empty) result.
Status Call(ServiceCaller& caller, std::string_view action, const QueryParams& params);

// Calls `action` with `params` plus Marker for every page, handing each
// result element to `on_page`, until IsTruncated is false.
Status ForEachResultPage(ServiceCaller& caller, std::string_view action, const QueryParams& params,
                         const std::function<void(pugi::xml_node)>& on_page);

}  // namespace foyer::aws::iam_wire

#endif  // FOYER_AWS_IAM_WIRE_H_
