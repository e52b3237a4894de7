import { z } from "zod";
import { accountIdSchema, athenaName, orgIdSchema, regionSchema, sqlString } from "./sql-literal";

/**
 * The CREATE EXTERNAL TABLE for an organization trail's S3 logs, with partition projection, so a
 * user can run it once in the Athena console (or `correlate --print-sql --create-table`) and then
 * query with no `ALTER TABLE ADD PARTITION`.
 *
 * Follows "Create the table for CloudTrail logs in Athena using partition projection"
 * (https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html):
 * its column list and types, JsonSerDe over CloudTrailInputFormat, `projection.timestamp.*` as a
 * `date` projection in `yyyy/MM/dd` one DAYS interval apart, and a `storage.location.template`.
 * That page's statement is for one account and Region; for an organization trail the path gains
 * the organization id and the account becomes a partition too ("Create a table for an
 * organization wide trail using manual partitioning",
 * https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-org-wide-trail.html:
 * LOCATION 's3://…/AWSLogs/organization_id/' and `PARTITIONED BY (account string, region string, …)`).
 * Projection types: `enum` takes a comma-separated `values` list, `injected` takes the value from
 * the query's WHERE ("Supported types for partition projection",
 * https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html).
 * The S3 path levels are those of lib/cloudtrail/s3-layout.ts.
 */

/** The columns of AWS's documented CloudTrail table, in its order (lower case: Athena folds names). */
export const CLOUDTRAIL_COLUMNS = `    eventversion STRING,
    useridentity STRUCT<
        type: STRING,
        principalid: STRING,
        arn: STRING,
        accountid: STRING,
        invokedby: STRING,
        accesskeyid: STRING,
        username: STRING,
        onbehalfof: STRUCT<
            userid: STRING,
            identitystorearn: STRING>,
        sessioncontext: STRUCT<
            attributes: STRUCT<
                mfaauthenticated: STRING,
                creationdate: STRING>,
            sessionissuer: STRUCT<
                type: STRING,
                principalid: STRING,
                arn: STRING,
                accountid: STRING,
                username: STRING>,
            ec2roledelivery: STRING,
            webidfederationdata: STRUCT<
                federatedprovider: STRING,
                attributes: MAP<STRING,STRING>>
        >
    >,
    eventtime STRING,
    eventsource STRING,
    eventname STRING,
    awsregion STRING,
    sourceipaddress STRING,
    useragent STRING,
    errorcode STRING,
    errormessage STRING,
    requestparameters STRING,
    responseelements STRING,
    additionaleventdata STRING,
    requestid STRING,
    eventid STRING,
    readonly STRING,
    resources ARRAY<STRUCT<
        arn: STRING,
        accountid: STRING,
        type: STRING>>,
    eventtype STRING,
    apiversion STRING,
    recipientaccountid STRING,
    serviceeventdetails STRING,
    sharedeventid STRING,
    vpcendpointid STRING,
    vpcendpointaccountid STRING,
    eventcategory STRING,
    addendum STRUCT<
        reason: STRING,
        updatedfields: STRING,
        originalrequestid: STRING,
        originaleventid: STRING>,
    sessioncredentialfromconsole STRING,
    edgedevicedetails STRING,
    tlsdetails STRUCT<
        tlsversion: STRING,
        ciphersuite: STRING,
        clientprovidedhostheader: STRING>`;

/**
 * The Regions enabled by default in every account, used when no `--regions` are given ("Regions
 * that are enabled by default", https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html).
 * Opt-in Regions an organization enabled must be named.
 */
export const DEFAULT_ENABLED_REGIONS = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2",
  "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
  "ca-central-1", "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "sa-east-1",
] as const;

const s3Location = z
  .string()
  .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](?:\/[A-Za-z0-9!_.*()\/-]*)?$/, "must be s3://bucket or s3://bucket/prefix (S3 bucket naming rules; a prefix of letters, digits and !_.*()-/)");

export const createTableOptionsSchema = z.strictObject({
  /** `s3://bucket` or `s3://bucket/prefix` — the trail's bucket and prefix, without `AWSLogs/`. */
  bucket: s3Location,
  orgId: orgIdSchema,
  database: athenaName.optional(),
  table: athenaName.default("cloudtrail_logs"),
  /** Projected as an enum; none → `injected` (each query must name its accounts). */
  accounts: z.array(accountIdSchema).max(1000).default([]),
  regions: z.array(regionSchema).max(60).default([]),
  /** First day with logs, `yyyy/MM/dd`. */
  since: z.string().regex(/^\d{4}\/\d{2}\/\d{2}$/, "must be yyyy/MM/dd").default("2020/01/01"),
});
export type CreateTableOptions = z.input<typeof createTableOptionsSchema>;

/** `s3://bucket/prefix/AWSLogs/o-…/` — where an organization trail's accounts' folders start. */
export function orgLogsLocation(bucket: string, orgId: string): string {
  return `${bucket.replace(/\/+$/, "")}/AWSLogs/${orgId}/`;
}

export function createTableSql(input: CreateTableOptions): string {
  const o = createTableOptionsSchema.parse(input);
  const location = orgLogsLocation(o.bucket, o.orgId);
  const regions = o.regions.length > 0 ? o.regions : [...DEFAULT_ENABLED_REGIONS];
  const name = o.database ? `${o.database}.${o.table}` : o.table;
  const properties: [string, string][] = [
    ["projection.enabled", "true"],
    ...(o.accounts.length > 0
      ? ([["projection.account.type", "enum"], ["projection.account.values", o.accounts.join(",")]] as [string, string][])
      : ([["projection.account.type", "injected"]] as [string, string][])),
    ["projection.region.type", "enum"],
    ["projection.region.values", regions.join(",")],
    ["projection.timestamp.type", "date"],
    ["projection.timestamp.format", "yyyy/MM/dd"],
    ["projection.timestamp.range", `${o.since},NOW`],
    ["projection.timestamp.interval", "1"],
    ["projection.timestamp.interval.unit", "DAYS"],
    ["storage.location.template", `${location}\${account}/CloudTrail/\${region}/\${timestamp}`],
  ];
  return [
    `CREATE EXTERNAL TABLE ${name} (`,
    CLOUDTRAIL_COLUMNS,
    ")",
    "PARTITIONED BY (account STRING, region STRING, `timestamp` STRING)",
    "ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'",
    "STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'",
    "OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'",
    `LOCATION ${sqlString(location)}`,
    "TBLPROPERTIES (",
    properties.map(([key, value]) => `  ${sqlString(key)}=${sqlString(value)}`).join(",\n"),
    ");",
  ].join("\n");
}
