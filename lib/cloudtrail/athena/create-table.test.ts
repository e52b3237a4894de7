import { describe, expect, it } from "vitest";
import { trailObjectKey } from "../s3-layout";
import { createTableSql, DEFAULT_ENABLED_REGIONS } from "./create-table";

const ORG = "o-a1b2c3d4e5";

describe("CREATE TABLE for an organization trail", () => {
  const sql = createTableSql({ bucket: "s3://trail-bucket/logs", orgId: ORG, accounts: ["111122223333", "444455556666"], regions: ["us-east-1", "ap-northeast-1"] });

  it("projects account, region and the yyyy/MM/dd day as partitions", () => {
    expect(sql).toContain("PARTITIONED BY (account STRING, region STRING, `timestamp` STRING)");
    expect(sql).toContain("'projection.enabled'='true'");
    expect(sql).toContain("'projection.account.type'='enum'");
    expect(sql).toContain("'projection.account.values'='111122223333,444455556666'");
    expect(sql).toContain("'projection.region.values'='us-east-1,ap-northeast-1'");
    expect(sql).toContain("'projection.timestamp.format'='yyyy/MM/dd'");
    expect(sql).toContain("'projection.timestamp.range'='2020/01/01,NOW'");
    expect(sql).toContain("'projection.timestamp.interval.unit'='DAYS'");
  });

  it("points LOCATION and the template at the trail's own key layout", () => {
    expect(sql).toContain(`LOCATION 's3://trail-bucket/logs/AWSLogs/${ORG}/'`);
    expect(sql).toContain(`'storage.location.template'='s3://trail-bucket/logs/AWSLogs/${ORG}/\${account}/CloudTrail/\${region}/\${timestamp}'`);
    // The template, filled in, is the folder of a file CloudTrail delivers (s3-layout.ts).
    const key = trailObjectKey({ prefix: "logs", orgId: ORG, accountId: "111122223333", region: "us-east-1", deliveredAtMs: Date.parse("2026-03-04T05:06:00Z"), uniqueString: "abcdefghijklmnop" });
    const folder = `s3://trail-bucket/logs/AWSLogs/${ORG}/111122223333/CloudTrail/us-east-1/2026/03/04`;
    expect(`s3://trail-bucket/${key}`.startsWith(`${folder}/`)).toBe(true);
  });

  it("has AWS's CloudTrail columns, JSON strings as STRING and useridentity as a struct", () => {
    for (const column of ["eventtime STRING", "requestparameters STRING", "responseelements STRING", "additionaleventdata STRING", "recipientaccountid STRING", "useridentity STRUCT<"]) expect(sql).toContain(column);
    expect(sql).toContain("ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'");
    expect(sql).toContain("STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'");
  });

  it("injects the account when none are listed, and defaults to the Regions every account has", () => {
    const open = createTableSql({ bucket: "s3://org-trail/", orgId: ORG, database: "Security" });
    expect(open).toContain("CREATE EXTERNAL TABLE security.cloudtrail_logs (");
    expect(open).toContain("'projection.account.type'='injected'");
    expect(open).not.toContain("projection.account.values");
    expect(open).toContain(`'projection.region.values'='${DEFAULT_ENABLED_REGIONS.join(",")}'`);
    expect(open).toContain(`LOCATION 's3://org-trail/AWSLogs/${ORG}/'`);
  });

  it("refuses a bucket, org id or account that could break out of the statement", () => {
    expect(() => createTableSql({ bucket: "s3://b'); DROP TABLE x; --", orgId: ORG })).toThrow();
    expect(() => createTableSql({ bucket: "https://b", orgId: ORG })).toThrow();
    expect(() => createTableSql({ bucket: "s3://org-trail", orgId: "o-x'" })).toThrow();
    expect(() => createTableSql({ bucket: "s3://org-trail", orgId: ORG, accounts: ["1111'"] })).toThrow();
  });
});
