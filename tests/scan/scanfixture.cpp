// The C fixture of tst_scan: nested #if LIBVIR_CHECK_VERSION / #else,
// LIBVIR_VERSION_NUMBER comparisons, run-time checks of
// virConnectGetLibVersion, a VIR_ERR_NO_SUPPORT fallback, a flag, a
// hypervisor-specific and tainting call, a deprecated alias, a _LAST value.
// In a file of its own because moc reads tst_scan.cpp and cannot read raw
// string literals.
// Each line the test talks about carries a marker comment "/*@name*/".
extern const char *const kFixtureText;
const char *const kFixtureText = R"(#define VIR_ENUM_SENTINELS
#include <stddef.h>
#include <libvirt/libvirt.h>
#include <libvirt/libvirt-qemu.h>
#include <libvirt/virterror.h>

static int guarded(virDomainPtr dom)
{
#if LIBVIR_CHECK_VERSION(7, 2, 0)
    if (virDomainStartDirtyRateCalc(dom, 1, 0) < 0) /*@dirty*/
        return -1;
# if LIBVIR_VERSION_NUMBER >= 9000000
    virDomainFDAssociate(dom, "x", 0, NULL, 0); /*@fd*/
# else
    virDomainGetMessages(dom, NULL, 0);
# endif
    virDomainAgentSetResponseTimeout(dom, 5, 0); /*@timeout*/
#else
    virDomainGetInfo(dom, NULL);
#endif
#if LIBVIR_VERSION_NUMBER < 5007000
    return 0;
#else
    virDomainGetGuestInfo(dom, 0, NULL, NULL, 0); /*@elseguest*/
#endif
#if LIBVIR_CHECK_VERSION(1, 0, 0)
    virDomainGetGuestInfo(dom, 0, NULL, NULL, 0); /*@toolow*/
#endif
    return 0;
}

static void runtime(virConnectPtr conn, virDomainPtr dom)
{
    unsigned long ver = 0;
    if (virConnectGetLibVersion(conn, &ver) < 0)
        return;
    if (ver >= 8004000) {
        virDomainSaveParams(dom, NULL, 0, 0); /*@rtsave*/
    }
    if (ver < 5010000) {
        return;
    } else {
        virDomainAgentSetResponseTimeout(dom, 1, 0); /*@rtelse*/
    }
}

static int fallback(virDomainPtr dom)
{
    if (virDomainGetGuestInfo(dom, 0, NULL, NULL, 0) < 0) { /*@fallback*/
        if (virGetLastErrorCode() == VIR_ERR_NO_SUPPORT)
            return 0;
        return -1;
    }
    return 1;
}

int main(void)
{
    virConnectPtr conn = virConnectOpen(NULL); /*@open*/
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    unsigned int flags = VIR_DOMAIN_GUEST_INFO_USERS; /*@flag*/
    char *reply = NULL;
    virSchedParameter p; /*@alias*/
    int last = VIR_DOMAIN_LAST; /*@last*/
    virDomainQemuMonitorCommand(dom, "info", &reply, 0); /*@qemu*/
    virDomainGetMessages(dom, NULL, flags); /*@messages*/
    (void)p;
    (void)last;
    guarded(dom);
    runtime(conn, dom);
    return fallback(dom);
}
)";

// The SARIF 2.1.0 schema's required structure (sarifLog: version "2.1.0" and
// runs; run: tool.driver.name; result: message with text or id; locations
// with artifactLocation.uri and 1-based region lines and columns; the level
// enumeration), written from the specification for python3-jsonschema.
extern const char *const kSarifRequiredSchema;
const char *const kSarifRequiredSchema = R"({
 "$schema": "http://json-schema.org/draft-07/schema#",
 "type": "object", "required": ["version", "runs"],
 "properties": {
  "version": {"enum": ["2.1.0"]}, "$schema": {"type": "string", "format": "uri"},
  "runs": {"type": ["array", "null"], "items": {"$ref": "#/definitions/run"}}},
 "definitions": {
  "run": {"type": "object", "required": ["tool"], "properties": {
    "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {"$ref": "#/definitions/toolComponent"}}},
    "results": {"type": ["array", "null"], "items": {"$ref": "#/definitions/result"}},
    "invocations": {"type": "array", "items": {"type": "object", "required": ["executionSuccessful"], "properties": {
      "executionSuccessful": {"type": "boolean"},
      "toolExecutionNotifications": {"type": "array", "items": {"type": "object", "required": ["message"], "properties": {
        "message": {"$ref": "#/definitions/message"}, "level": {"$ref": "#/definitions/level"}}}}}}},
    "properties": {"type": "object"}}},
  "toolComponent": {"type": "object", "required": ["name"], "properties": {
    "name": {"type": "string"}, "version": {"type": "string"}, "informationUri": {"type": "string", "format": "uri"},
    "rules": {"type": "array", "uniqueItems": true, "items": {"type": "object", "required": ["id"], "properties": {
      "id": {"type": "string"}, "shortDescription": {"$ref": "#/definitions/message"}}}}}},
  "level": {"enum": ["none", "note", "warning", "error"]},
  "message": {"type": "object", "anyOf": [{"required": ["text"]}, {"required": ["id"]}], "properties": {
    "text": {"type": "string"}, "id": {"type": "string"}}},
  "result": {"type": "object", "required": ["message"], "properties": {
    "ruleId": {"type": "string"}, "ruleIndex": {"type": "integer", "minimum": -1},
    "level": {"$ref": "#/definitions/level"}, "message": {"$ref": "#/definitions/message"},
    "locations": {"type": "array", "items": {"type": "object", "properties": {
      "physicalLocation": {"type": "object", "anyOf": [{"required": ["address"]}, {"required": ["artifactLocation"]}],
        "properties": {
        "artifactLocation": {"type": "object", "properties": {"uri": {"type": "string", "format": "uri-reference"}}},
        "region": {"type": "object", "properties": {
          "startLine": {"type": "integer", "minimum": 1}, "startColumn": {"type": "integer", "minimum": 1}}}}}}}}}}}
})";
