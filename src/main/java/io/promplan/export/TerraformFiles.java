package io.promplan.export;

import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.workload.StorageBackend;
import java.util.Map;
import java.util.stream.Collectors;

/** terraform/monitoring/: the sized stack as Terraform for hashicorp/aws 6.x. */
final class TerraformFiles {
    static final String DIR = "terraform/monitoring/";
    static final String IMG_PROMETHEUS = "prom/prometheus:v2.55.1";
    static final String IMG_GRAFANA = "grafana/grafana:11.6.3";
    static final String IMG_EXPORTER = "prom/cloudwatch-exporter:v0.16.0";
    static final String IMG_ALERTMANAGER = "prom/alertmanager:v0.28.1";
    static final String IMG_LOADER = "public.ecr.aws/aws-cli/aws-cli:2.27.50";
    static final String IMG_BUSYBOX = "public.ecr.aws/docker/library/busybox:1.37.0";

    private final ExportModel m;
    private final Map<String, String> configFiles;

    /** @param configFiles every file under configs/ and dashboards/ of the export (uploaded to the config bucket) */
    TerraformFiles(ExportModel m, Map<String, String> configFiles) {
        this.m = m;
        this.configFiles = configFiles;
    }

    void addTo(Map<String, String> files) {
        String exporterNote = exporterConfigNote();
        if (exporterNote != null) {
            m.warnings.add(exporterNote);
        }
        if (m.backend == StorageBackend.AMP_REMOTE_WRITE && Math.ceil(m.w.retention().days() - 1e-9) > AMP_MAX_RETENTION_DAYS) {
            m.warnings.add("retention " + m.w.retention().text() + " is longer than the " + AMP_MAX_RETENTION_DAYS
                    + " days Amazon Managed Prometheus keeps: the workspace is set to " + AMP_MAX_RETENTION_DAYS + " days.");
        }
        files.put(DIR + "versions.tf", versions());
        files.put(DIR + "main.tf", main());
        files.put(DIR + "prometheus.tf", prometheus());
        files.put(DIR + "grafana.tf", grafana());
        files.put(DIR + "cloudwatch-exporter.tf", apiAction(exporter()));
        if (m.alertmanager != null) {
            files.put(DIR + "alertmanager.tf", alertmanager());
        }
        files.put(DIR + "alb.tf", alb());
        files.put(DIR + "efs.tf", efs());
        switch (m.backend) {
            case EBS -> files.put(DIR + "ebs.tf", ebs());
            case EPHEMERAL -> files.put(DIR + "ephemeral-storage.tf", ephemeral());
            case AMP_REMOTE_WRITE -> files.put(DIR + "amp-remote-write.tf", amp());
            default -> { }
        }
        files.put(DIR + "iam.tf", apiAction(iam()));
        files.put(DIR + "security-groups.tf", securityGroups());
        files.put(DIR + "route53.tf", route53());
        files.put(DIR + "service-discovery.tf", serviceDiscovery());
        files.put(DIR + "backup.tf", backup());
        files.put(DIR + "variables.tf", variables());
        files.put(DIR + "outputs.tf", outputs());
        files.put(DIR + "terraform.example.tfvars", tfvars());
    }

    /** The exporter's role allows exactly the CloudWatch read API its config selects (and the cost model prices). */
    private String apiAction(String text) {
        return text.replace("%EXPORTER_API_ACTION%", m.w.exporter().api().iamAction());
    }

    private String head(String what) {
        return "# " + what + "\n# " + m.header() + "\n\n";
    }

    private String arch() {
        return m.arm64() ? "ARM64" : "X86_64";
    }

    private static String sizeComment(ComponentSizing c) {
        return "# Sized by promplan: " + c.displayName() + " " + c.size().text() + " (" + c.size().cpuUnits() + " CPU units / "
                + c.size().memoryMiB() + " MiB); " + (c.pinned() ? "pinned by the scenario" : "need " + ExportModel.fmt(c.requiredVcpu())
                + " vCPU / " + Math.round(c.requiredMemoryMiB()) + " MiB before headroom") + ".\n";
    }

    // ------------------------------------------------------------------------------------------------------------
    String versions() {
        return head("Terraform and provider versions") + """
                terraform {
                  required_version = ">= 1.5.0"

                  required_providers {
                    aws = {
                      source  = "hashicorp/aws"
                      version = "~> 6.0"
                    }
                  }
                }
                """;
    }

    String main() {
        Map<String, String> scrapedMap = new java.util.LinkedHashMap<>();
        m.services.forEach(s -> scrapedMap.put(s.slug(), s.name()));
        String scraped = Hcl.alignedMap(scrapedMap, "    ");
        Map<String, String> uploadMap = new java.util.LinkedHashMap<>();
        configFiles.keySet().forEach(p -> uploadMap.put(p, p.endsWith(".json") ? "application/json" : "application/yaml"));
        String uploads = Hcl.alignedMap(uploadMap, "    ");
        return head("Shared settings: provider, names, images, the config bucket") + """
                provider "aws" {
                  region = var.aws_region

                  default_tags {
                    tags = local.common_tags
                  }
                }

                data "aws_caller_identity" "current" {}

                data "aws_partition" "current" {}

                locals {
                  name = "monitoring-${var.environment}"

                  # Cloud Map namespace: configs/*.yml address every task and scraped service by <name>.monitoring.internal.
                  namespace = "%s"

                  # Port the monitored services serve /metrics on (fixed in configs/prometheus*.yml).
                  metrics_port = %d

                  # Root of the export: configs/ and dashboards/ are uploaded from here.
                  export_root = "${path.module}/../.."

                  # Images by tag; var.image_digests pins any of them by digest (repository@sha256:...).
                  image_tags = {
                    prometheus          = "%s"
                    grafana             = "%s"
                    cloudwatch_exporter = "%s"
                    alertmanager        = "%s"
                    config_loader       = "%s"
                    busybox             = "%s"
                  }
                  images = { for k, ref in local.image_tags : k => lookup(var.image_digests, k, null) == null ? ref : "${replace(ref, "/:[^:/]+$/", "")}@${var.image_digests[k]}" }

                  common_tags = merge(var.tags, {
                    Component   = "monitoring"
                    Environment = var.environment
                    ManagedBy   = "terraform"
                    GeneratedBy = "promplan export"
                    Scenario    = %s
                  })

                  # The monitored ECS services: Cloud Map name => name in the scenario. Each gets a scrape job.
                  scraped_services = {
                %s
                  }

                  # Files of this export the tasks read at start (uploaded to the config bucket below).
                  config_files = {
                %s
                  }

                  # The files each task reads at start. A task definition carries the hash of its own files only, so
                  # editing a file replaces only the tasks that read it (a dashboard never replaces Prometheus).
                  # Prometheus is not listed: its sync sidecar reloads configs/prometheus*.yml and configs/rules/ in
                  # place (SIGHUP), so a config change never replaces it (nor deletes its EBS volume).
                  task_config_files = {
                    grafana             = [for f in keys(local.config_files) : f if startswith(f, "configs/grafana/") || startswith(f, "dashboards/")]
                    cloudwatch_exporter = ["configs/cloudwatch-exporter.yml"]%s
                  }
                  config_sha256 = { for task, files in local.task_config_files : task => sha256(join(",", [for f in sort(files) : "${f}=${filesha256("${local.export_root}/${f}")}"])) }

                  # configs/cloudwatch-exporter.yml and its size in bytes (base64 has 4 characters for every 3 bytes,
                  # "=" pads the last group): a Standard SSM parameter holds 4,096 bytes, an Advanced one 8,192.
                  exporter_config       = file("${local.export_root}/configs/cloudwatch-exporter.yml")
                  exporter_config_bytes = length(base64encode(local.exporter_config)) / 4 * 3 - length(regexall("=", base64encode(local.exporter_config)))
                }

                # Configs and dashboards, read by each task's config loader at start. Versioned (an overwritten or
                # deleted config can be restored for 30 days); not force_destroy: destroy fails while it holds objects.
                resource "aws_s3_bucket" "config" {
                  bucket_prefix = "${local.name}-config-"
                }

                resource "aws_s3_bucket_versioning" "config" {
                  bucket = aws_s3_bucket.config.id

                  versioning_configuration {
                    status = "Enabled"
                  }
                }

                resource "aws_s3_bucket_lifecycle_configuration" "config" {
                  bucket = aws_s3_bucket.config.id

                  rule {
                    id     = "expire-old-versions"
                    status = "Enabled"

                    filter {}

                    noncurrent_version_expiration {
                      noncurrent_days = 30
                    }

                    abort_incomplete_multipart_upload {
                      days_after_initiation = 7
                    }
                  }

                  depends_on = [aws_s3_bucket_versioning.config]
                }

                resource "aws_s3_bucket_public_access_block" "config" {
                  bucket                  = aws_s3_bucket.config.id
                  block_public_acls       = true
                  block_public_policy     = true
                  ignore_public_acls      = true
                  restrict_public_buckets = true
                }

                resource "aws_s3_bucket_server_side_encryption_configuration" "config" {
                  bucket = aws_s3_bucket.config.id

                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
                      kms_master_key_id = var.kms_key_arn
                    }
                    bucket_key_enabled = var.kms_key_arn != null
                  }
                }

                resource "aws_s3_bucket_ownership_controls" "config" {
                  bucket = aws_s3_bucket.config.id

                  rule {
                    object_ownership = "BucketOwnerEnforced"
                  }
                }

                data "aws_iam_policy_document" "config_bucket" {
                  statement {
                    sid       = "DenyInsecureTransport"
                    effect    = "Deny"
                    actions   = ["s3:*"]
                    resources = [aws_s3_bucket.config.arn, "${aws_s3_bucket.config.arn}/*"]

                    principals {
                      type        = "*"
                      identifiers = ["*"]
                    }

                    condition {
                      test     = "Bool"
                      variable = "aws:SecureTransport"
                      values   = ["false"]
                    }
                  }
                }

                resource "aws_s3_bucket_policy" "config" {
                  bucket     = aws_s3_bucket.config.id
                  policy     = data.aws_iam_policy_document.config_bucket.json
                  depends_on = [aws_s3_bucket_public_access_block.config]
                }

                resource "aws_s3_object" "config" {
                  for_each = local.config_files

                  bucket       = aws_s3_bucket.config.id
                  key          = each.key
                  source       = "${local.export_root}/${each.key}"
                  source_hash  = filemd5("${local.export_root}/${each.key}")
                  content_type = each.value
                }
                """.formatted(ExportModel.NAMESPACE, ExportModel.METRICS_PORT, IMG_PROMETHEUS, IMG_GRAFANA, IMG_EXPORTER, IMG_ALERTMANAGER,
                IMG_LOADER, IMG_BUSYBOX, Hcl.str(Hcl.tagValue(m.plan.scenario().name())), scraped, uploads,
                m.alertmanager != null ? "\n    alertmanager        = [\"configs/alertmanager.yml\"]" : "");
    }

    private static String logConfig(String group, String prefix) {
        return """
                      logConfiguration = {
                        logDriver = "awslogs"
                        options = {
                          "awslogs-group"         = %s.name
                          "awslogs-region"        = var.aws_region
                          "awslogs-stream-prefix" = "%s"
                        }
                      }
                """.formatted(group, prefix);
    }

    private String logGroup(String tf, String key) {
        return """
                resource "aws_cloudwatch_log_group" "%s" {
                  name              = "/ecs/${local.name}/%s"
                  retention_in_days = var.log_retention_days
                  kms_key_id        = var.kms_key_arn
                }

                """.formatted(tf, key);
    }

    /**
     * An ECS service. {@code dependsOn}: what must exist before its first task starts (the execution role's policies, the
     * task role's policy, the config objects it reads, the EFS mount targets or the EBS role it uses); Terraform cannot
     * see these through references, and without them the first apply can start a task that fails and rolls back.
     */
    private String service(String tf, String key, String sg, String extra, boolean singleWriter, java.util.List<String> dependsOn) {
        java.util.List<String> deps = new java.util.ArrayList<>(java.util.List.of("aws_iam_role_policy_attachment.execution", "aws_iam_role_policy.execution"));
        deps.addAll(dependsOn);
        String depends = "\n  depends_on = [\n" + deps.stream().map(d -> "    " + d).collect(Collectors.joining(",\n")) + "\n  ]\n";
        return """
                resource "aws_ecs_service" "%s" {
                  name             = "%s-${var.environment}"
                  cluster          = var.ecs_cluster_arn
                  task_definition  = aws_ecs_task_definition.%s.arn
                  desired_count    = 1
                  launch_type      = "FARGATE"
                  platform_version = "1.4.0"
                  propagate_tags   = "SERVICE"
                %s
                  network_configuration {
                    subnets          = var.private_subnet_ids
                    security_groups  = [aws_security_group.%s.id]
                    assign_public_ip = false
                  }

                  service_registries {
                    registry_arn = aws_service_discovery_service.%s.arn
                  }

                  deployment_circuit_breaker {
                    enable   = true
                    rollback = true
                  }
                %s%s}

                """.formatted(tf, key, tf, singleWriter ? """

                          # One writer at a time: the old task stops before the new one starts (the data must not be opened twice).
                          deployment_minimum_healthy_percent = 0
                          deployment_maximum_percent         = 100
                        """ : "", sg, tf, extra, depends);
    }

    /** Directory the Prometheus configs read file_sd files from (written by the sync sidecar for ECS-API discovery). */
    static final String FILE_SD_DIR = "/etc/prometheus/file_sd/";
    /** Seconds between two runs of the Prometheus sync sidecar (config reload check, ECS-API discovery). */
    static final int SYNC_SECONDS = 60;

    /**
     * True when every exported Prometheus config reads file_sd files from {@link #FILE_SD_DIR}: then the export offers
     * ECS-API discovery (var.service_discovery), which the sync sidecar serves. Without them it offers Cloud Map only.
     */
    boolean ecsApiDiscovery() {
        return m.shards.stream().allMatch(s -> configFiles.getOrDefault(s.configFile(), "").contains(FILE_SD_DIR));
    }

    /** The script of the sync sidecar each Prometheus task runs (an HCL heredoc: "${" written "$${"). */
    private String syncScript() {
        String discovery = ecsApiDiscovery() ? """
                    # ECS-API discovery: for each "<job> <ECS service>" line of the shard's discovery list, the private
                    # IPs of the service's running tasks become /etc/prometheus/file_sd/<job>.json (read by file_sd_configs).
                    if [ -n "$${DISCOVERY_KEY:-}" ] && aws s3 cp --quiet "s3://$CONFIG_BUCKET/$DISCOVERY_KEY" /tmp/discovery.txt; then
                      while read -r job service; do
                        [ -n "$job" ] || continue
                        arns=$(aws ecs list-tasks --cluster "$ECS_CLUSTER" --service-name "$service" --desired-status RUNNING --query 'taskArns[]' --output text </dev/null) || continue
                        targets=""
                        if [ -n "$arns" ] && [ "$arns" != "None" ]; then
                          ips=$(aws ecs describe-tasks --cluster "$ECS_CLUSTER" --tasks $arns --query "tasks[?lastStatus=='RUNNING'].attachments[].details[?name=='privateIPv4Address'].value[]" --output text </dev/null) || continue
                          for ip in $ips; do targets="$targets$${targets:+,}\\"$ip:$METRICS_PORT\\""; done
                        fi
                        printf '[{"targets":[%s]}]\\n' "$targets" >"/etc/prometheus/file_sd/$job.json.tmp" && mv -f "/etc/prometheus/file_sd/$job.json.tmp" "/etc/prometheus/file_sd/$job.json"
                      done </tmp/discovery.txt
                    fi
                """ : "";
        return """
                locals {
                  # The sync sidecar of every Prometheus task. Every SYNC_SECONDS it fetches the task's config and rules
                  # from the bucket and, when they changed, swaps them in and sends Prometheus SIGHUP (the containers of
                  # the task share one PID namespace: pid_mode = "task"). A config or rule change therefore reloads
                  # Prometheus in place and never replaces the task (nor, with storage: ebs, deletes its volume).%s
                  prometheus_sync_script = <<-EOT
                    set -u
                    trap 'exit 0' TERM INT
                    while true; do
                      rm -rf /tmp/next && mkdir -p /tmp/next/rules
                      if aws s3 cp --quiet "s3://$CONFIG_BUCKET/$CONFIG_KEY" /tmp/next/prometheus.yml && aws s3 cp --quiet --recursive "s3://$CONFIG_BUCKET/configs/rules/" /tmp/next/rules/; then
                        if [ -n "$${AMP_WORKSPACE_ID:-}" ]; then sed -i "s/AMP_WORKSPACE_ID/$AMP_WORKSPACE_ID/" /tmp/next/prometheus.yml; fi
                        new=$(cat /tmp/next/prometheus.yml /tmp/next/rules/* 2>/dev/null | sha256sum)
                        old=$(cat /etc/prometheus/prometheus.yml /etc/prometheus/rules/* 2>/dev/null | sha256sum)
                        if [ "$new" != "$old" ]; then
                          rm -rf /etc/prometheus/rules.new && cp -R /tmp/next/rules /etc/prometheus/rules.new && cp /tmp/next/prometheus.yml /etc/prometheus/prometheus.yml.new &&
                            rm -rf /etc/prometheus/rules && mv /etc/prometheus/rules.new /etc/prometheus/rules && mv -f /etc/prometheus/prometheus.yml.new /etc/prometheus/prometheus.yml &&
                            for p in /proc/[0-9]*; do if [ "$(cat "$p/comm" 2>/dev/null)" = prometheus ]; then kill -HUP "$${p#/proc/}" && echo "config changed: sent SIGHUP to prometheus"; fi; done
                        fi
                      fi
                %s      sleep "$SYNC_SECONDS" &
                      wait $!
                    done
                  EOT
                }

                """.formatted(ecsApiDiscovery() ? "\n  # It also writes the file_sd targets of the services discovered through the ECS API (var.service_discovery)." : "",
                discovery.isEmpty() ? "" : discovery.indent(2));
    }

    String prometheus() {
        StringBuilder b = new StringBuilder(head("Prometheus: " + (m.sharded() ? m.shards.size() + " servers (functional shards by service)" : "one server")));
        b.append(Hcl.comment(m.sharded() ? """
                Storage: %s. Retention: --storage.tsdb.retention.time=%s and --storage.tsdb.retention.size=85 %% of each
                server's volume (below), sized from that server's own share of the samples.""".formatted(storageText(), m.retentionTimeFlag()) : """
                Storage: %s. Retention: --storage.tsdb.retention.time=%s and --storage.tsdb.retention.size=%s
                (85 %% of the %d GiB volume the planner sized).""".formatted(storageText(), m.retentionTimeFlag(), m.first().retentionSizeFlag(),
                m.first().volumeGiB())));
        if (m.backend == StorageBackend.EFS) {
            b.append(Hcl.comment(EFS_WARNING));
        }
        b.append('\n');
        b.append(syncScript());
        for (ExportModel.Shard s : m.shards) {
            b.append(logGroup(s.tf(), s.key()));
            b.append(sizeComment(s.sizing()));
            b.append("# Disk: " + ExportModel.fmt(Math.round(s.samplesPerSecond() * 10) / 10.0) + " samples/s, " + ExportModel.fmt(Math.round(s.neededGiB() * 100) / 100.0)
                    + " GiB needed; volume " + s.volumeGiB() + " GiB, --storage.tsdb.retention.size=" + s.retentionSizeFlag() + ".\n");
            if (!s.services().isEmpty()) {
                b.append(Hcl.comment("Scrapes: " + s.services().stream().map(ExportModel.Svc::name).collect(Collectors.joining(", ")) + "."));
            }
            String dataVolume = switch (m.backend) {
                case EFS -> """
                          volume {
                            name = "prometheus-data"

                            efs_volume_configuration {
                              file_system_id     = aws_efs_file_system.monitoring.id
                              transit_encryption = "ENABLED"

                              authorization_config {
                                access_point_id = aws_efs_access_point.%s.id
                                iam             = "ENABLED"
                              }
                            }
                          }
                        """.formatted(s.tf());
                case EBS -> """
                          # An EBS gp3 volume attached at launch: see volume_configuration in aws_ecs_service.%s.
                          volume {
                            name                = "prometheus-data"
                            configure_at_launch = true
                          }
                        """.formatted(s.tf());
                default -> """
                          # On the task's ephemeral storage: lost when the task stops.
                          volume {
                            name = "prometheus-data"
                          }
                        """;
            };
            String ephemeral = m.ephemeralGiB(s) > 0 ? """

                      ephemeral_storage {
                        size_in_gib = %d
                      }
                    """.formatted(m.ephemeralGiB(s)) : "";
            String chown = m.backend == StorageBackend.EFS ? "" : " && chown -R 65534:65534 /prometheus";
            String amp = m.backend == StorageBackend.AMP_REMOTE_WRITE
                    ? " && sed -i \\\"s/AMP_WORKSPACE_ID/$AMP_WORKSPACE_ID/\\\" /etc/prometheus/prometheus.yml" : "";
            String ampEnv = m.backend == StorageBackend.AMP_REMOTE_WRITE
                    ? ",\n        { name = \"AMP_WORKSPACE_ID\", value = aws_prometheus_workspace.this.id }" : "";
            String discoveryEnv = ecsApiDiscovery()
                    ? ",\n        { name = \"DISCOVERY_KEY\", value = aws_s3_object.ecs_discovery[\"" + s.key() + "\"].key },\n"
                    + "        { name = \"ECS_CLUSTER\", value = var.ecs_cluster_arn },\n"
                    + "        { name = \"METRICS_PORT\", value = tostring(local.metrics_port) }" : "";
            b.append("""
                    resource "aws_ecs_task_definition" "%s" {
                      family                   = "%s-${var.environment}"
                      network_mode             = "awsvpc"
                      requires_compatibilities = ["FARGATE"]
                      cpu                      = %d
                      memory                   = %d
                      execution_role_arn       = aws_iam_role.execution.arn
                      task_role_arn            = aws_iam_role.prometheus_task.arn
                      # One PID namespace for the task: the sync sidecar sends Prometheus SIGHUP to reload its config.
                      pid_mode = "task"

                      runtime_platform {
                        operating_system_family = "LINUX"
                        cpu_architecture        = "%s"
                      }
                    %s
                      volume {
                        name = "prometheus-config"
                      }

                    %s
                      # No config hash here: a config change reaches the running Prometheus through the sync sidecar.
                      container_definitions = jsonencode([
                        {
                          name       = "config"
                          image      = local.images.config_loader
                          essential  = false
                          entryPoint = ["sh", "-c"]
                          command = [
                            "aws s3 cp s3://${aws_s3_bucket.config.id}/%s /etc/prometheus/prometheus.yml && aws s3 cp --recursive s3://${aws_s3_bucket.config.id}/configs/rules/ /etc/prometheus/rules/ && mkdir -p /etc/prometheus/file_sd%s%s"
                          ]
                          environment = [
                            { name = "AWS_REGION", value = var.aws_region }%s
                          ]
                          mountPoints = [
                            { sourceVolume = "prometheus-config", containerPath = "/etc/prometheus", readOnly = false },
                            { sourceVolume = "prometheus-data", containerPath = "/prometheus", readOnly = false }
                          ]
                    %s    },
                        {
                          name                   = "prometheus"
                          image                  = local.images.prometheus
                          essential              = true
                          readonlyRootFilesystem = true
                          command = [
                            "--config.file=/etc/prometheus/prometheus.yml",
                            "--storage.tsdb.path=/prometheus",
                            "--storage.tsdb.retention.time=%s",
                            "--storage.tsdb.retention.size=%s",
                            "--web.console.libraries=/usr/share/prometheus/console_libraries",
                            "--web.console.templates=/usr/share/prometheus/consoles"
                          ]
                          portMappings = [
                            { containerPort = 9090, protocol = "tcp" }
                          ]
                          mountPoints = [
                            { sourceVolume = "prometheus-config", containerPath = "/etc/prometheus", readOnly = true },
                            { sourceVolume = "prometheus-data", containerPath = "/prometheus", readOnly = false }
                          ]
                          dependsOn = [
                            { containerName = "config", condition = "SUCCESS" }
                          ]
                          healthCheck = {
                            command     = ["CMD-SHELL", "wget -q --spider http://localhost:9090/-/healthy || exit 1"]
                            interval    = 30
                            timeout     = 5
                            retries     = 3
                            startPeriod = 60
                          }
                    %s    },
                        {
                          name       = "config-sync"
                          image      = local.images.config_loader
                          essential  = false
                          entryPoint = ["sh", "-c"]
                          command    = [local.prometheus_sync_script]
                          environment = [
                            { name = "AWS_REGION", value = var.aws_region },
                            { name = "CONFIG_BUCKET", value = aws_s3_bucket.config.id },
                            { name = "CONFIG_KEY", value = "%s" },
                            { name = "SYNC_SECONDS", value = "%d" }%s%s
                          ]
                          mountPoints = [
                            { sourceVolume = "prometheus-config", containerPath = "/etc/prometheus", readOnly = false }
                          ]
                          dependsOn = [
                            { containerName = "prometheus", condition = "START" }
                          ]
                    %s    }
                      ])
                    }

                    """.formatted(s.tf(), s.key(), s.sizing().size().cpuUnits(), s.sizing().size().memoryMiB(), arch(), ephemeral, dataVolume,
                    s.configFile(), chown, amp, ampEnv, logConfig("aws_cloudwatch_log_group." + s.tf(), "config"),
                    m.retentionTimeFlag(), s.retentionSizeFlag(), logConfig("aws_cloudwatch_log_group." + s.tf(), "prometheus"),
                    s.configFile(), SYNC_SECONDS, ampEnv, discoveryEnv, logConfig("aws_cloudwatch_log_group." + s.tf(), "config-sync")));
            String ebsBlock = m.backend == StorageBackend.EBS ? """

                      volume_configuration {
                        name = "prometheus-data"

                        managed_ebs_volume {
                          role_arn         = aws_iam_role.ecs_infrastructure.arn
                          volume_type      = "gp3"
                          size_in_gb       = %d
                          iops             = 3000
                          throughput       = 125
                          encrypted        = true
                          file_system_type = "xfs"
                          # The snapshot a new volume starts from (ebs.tf): var.prometheus_restore_snapshot_ids, else the
                          # newest completed snapshot of this server as resolved at the last restore request, else empty.
                          snapshot_id = local.prometheus_restore_snapshot["%s"]

                          tag_specifications {
                            resource_type  = "volume"
                            propagate_tags = "SERVICE"
                            tags = {
                              "promplan-backup" = "daily"
                              "promplan-shard"  = "%s"
                              "promplan-stack"  = local.name
                            }
                          }
                        }
                      }
                    """.formatted(s.volumeGiB(), s.key(), s.key()) : "";
            java.util.List<String> deps = new java.util.ArrayList<>(java.util.List.of("aws_iam_role_policy.prometheus_task", "aws_s3_object.config"));
            if (m.backend == StorageBackend.EBS) {
                deps.add("aws_iam_role_policy_attachment.ecs_infrastructure");
            }
            if (m.backend == StorageBackend.EFS) {
                deps.addAll(java.util.List.of("aws_efs_mount_target.monitoring", "aws_efs_file_system_policy.monitoring"));
            }
            if (ecsApiDiscovery()) {
                deps.add("aws_s3_object.ecs_discovery");
            }
            b.append(service(s.tf(), s.key(), "prometheus", ebsBlock, true, deps));
        }
        return b.toString().stripTrailing() + "\n";
    }

    private String storageText() {
        return switch (m.backend) {
            case EFS -> "EFS (the scenario's choice; see the warning below)";
            case EBS -> "an EBS gp3 volume per server (" + m.volumesText() + "), attached to the task (ebs.tf)";
            case EPHEMERAL -> "the task's ephemeral storage (" + m.ephemeralText() + "; lost when the task stops)";
            case AMP_REMOTE_WRITE -> "a short local retention on ephemeral storage, remote_write to Amazon Managed Service for Prometheus (amp-remote-write.tf)";
        };
    }

    static final String EFS_WARNING = """
            WARNING: the Prometheus documentation does not support NFS file systems, AWS EFS included, for the
            TSDB (it needs POSIX locking and mmap semantics NFS does not give; corruption and data loss are reported
            in prometheus/prometheus issues 2805 and 5617). Prefer an EBS volume attached to the task (storage: ebs).""";

    String grafana() {
        ComponentSizing g = m.grafana;
        return head("Grafana behind the ALB; data (SQLite, plugins) on EFS") + logGroup("grafana", "grafana") + sizeComment(g) + """
                locals {
                  grafana_oauth_enabled = var.grafana_oauth_client_id != ""

                  grafana_environment = concat([
                    { name = "GF_SERVER_ROOT_URL", value = "https://${var.grafana_domain_name}/" },
                    { name = "GF_SERVER_DOMAIN", value = var.grafana_domain_name },
                    { name = "GF_SECURITY_ADMIN_USER", value = "admin" },
                    { name = "GF_SECURITY_COOKIE_SECURE", value = "true" },
                    { name = "GF_SECURITY_DISABLE_GRAVATAR", value = "true" },
                    { name = "GF_USERS_ALLOW_SIGN_UP", value = "false" },
                    { name = "GF_AUTH_ANONYMOUS_ENABLED", value = "false" },
                    { name = "GF_ANALYTICS_REPORTING_ENABLED", value = "false" },
                    { name = "GF_PATHS_PROVISIONING", value = "/etc/grafana/provisioning" },
                    { name = "GF_LOG_MODE", value = "console" },
                    { name = "AWS_REGION", value = var.aws_region }%s
                    ], local.grafana_oauth_enabled ? [
                    { name = "GF_AUTH_GENERIC_OAUTH_ENABLED", value = "true" },
                    { name = "GF_AUTH_GENERIC_OAUTH_NAME", value = "SSO" },
                    { name = "GF_AUTH_GENERIC_OAUTH_CLIENT_ID", value = var.grafana_oauth_client_id },
                    { name = "GF_AUTH_GENERIC_OAUTH_SCOPES", value = "openid profile email" },
                    { name = "GF_AUTH_GENERIC_OAUTH_AUTH_URL", value = var.grafana_oauth_auth_url },
                    { name = "GF_AUTH_GENERIC_OAUTH_TOKEN_URL", value = var.grafana_oauth_token_url },
                    { name = "GF_AUTH_GENERIC_OAUTH_API_URL", value = var.grafana_oauth_api_url },
                    { name = "GF_AUTH_GENERIC_OAUTH_ROLE_ATTRIBUTE_PATH", value = var.grafana_oauth_role_attribute_path },
                    { name = "GF_AUTH_GENERIC_OAUTH_ALLOW_SIGN_UP", value = "true" }
                  ] : [])

                  grafana_secrets = concat([
                    { name = "GF_SECURITY_ADMIN_PASSWORD", valueFrom = var.grafana_admin_password_secret_arn }
                    ], local.grafana_oauth_enabled ? [
                    { name = "GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET", valueFrom = var.grafana_oauth_client_secret_arn }
                  ] : [])
                }

                resource "aws_ecs_task_definition" "grafana" {
                  family                   = "grafana-${var.environment}"
                  network_mode             = "awsvpc"
                  requires_compatibilities = ["FARGATE"]
                  cpu                      = %d
                  memory                   = %d
                  execution_role_arn       = aws_iam_role.execution.arn
                  task_role_arn            = aws_iam_role.grafana_task.arn

                  lifecycle {
                    precondition {
                      condition     = !local.grafana_oauth_enabled || (var.grafana_oauth_client_secret_arn != "" && var.grafana_oauth_auth_url != "" && var.grafana_oauth_token_url != "" && var.grafana_oauth_api_url != "")
                      error_message = "With grafana_oauth_client_id set, also set grafana_oauth_client_secret_arn, grafana_oauth_auth_url, grafana_oauth_token_url and grafana_oauth_api_url."
                    }
                  }

                  runtime_platform {
                    operating_system_family = "LINUX"
                    cpu_architecture        = "%s"
                  }

                  volume {
                    name = "grafana-provisioning"
                  }

                  volume {
                    name = "grafana-dashboards"
                  }

                  # Writable scratch space (/tmp, /var/log/grafana): the root file system of the Grafana container is read-only.
                  volume {
                    name = "grafana-tmp"
                  }

                  volume {
                    name = "grafana-logs"
                  }

                  volume {
                    name = "grafana-data"

                    efs_volume_configuration {
                      file_system_id     = aws_efs_file_system.monitoring.id
                      transit_encryption = "ENABLED"

                      authorization_config {
                        access_point_id = aws_efs_access_point.grafana.id
                        iam             = "ENABLED"
                      }
                    }
                  }

                  container_definitions = jsonencode([
                    {
                      name       = "config"
                      image      = local.images.config_loader
                      essential  = false
                      entryPoint = ["sh", "-c"]
                      command = [
                        "aws s3 cp --recursive s3://${aws_s3_bucket.config.id}/configs/grafana/provisioning/ /etc/grafana/provisioning/ && aws s3 cp --recursive s3://${aws_s3_bucket.config.id}/dashboards/ /etc/grafana/dashboards/ && chmod -R a+rX /etc/grafana/provisioning /etc/grafana/dashboards && chmod 1777 /scratch /scratch-logs"
                      ]
                      environment = [
                        { name = "AWS_REGION", value = var.aws_region },
                        { name = "CONFIG_SHA256", value = local.config_sha256["grafana"] }
                      ]
                      mountPoints = [
                        { sourceVolume = "grafana-provisioning", containerPath = "/etc/grafana/provisioning", readOnly = false },
                        { sourceVolume = "grafana-dashboards", containerPath = "/etc/grafana/dashboards", readOnly = false },
                        { sourceVolume = "grafana-tmp", containerPath = "/scratch", readOnly = false },
                        { sourceVolume = "grafana-logs", containerPath = "/scratch-logs", readOnly = false }
                      ]
                %s    },
                    {
                      name                   = "grafana"
                      image                  = local.images.grafana
                      essential              = true
                      readonlyRootFilesystem = true
                      environment            = local.grafana_environment
                      secrets                = local.grafana_secrets
                      portMappings = [
                        { containerPort = 3000, protocol = "tcp" }
                      ]
                      mountPoints = [
                        { sourceVolume = "grafana-provisioning", containerPath = "/etc/grafana/provisioning", readOnly = true },
                        { sourceVolume = "grafana-dashboards", containerPath = "/etc/grafana/dashboards", readOnly = true },
                        { sourceVolume = "grafana-data", containerPath = "/var/lib/grafana", readOnly = false },
                        { sourceVolume = "grafana-tmp", containerPath = "/tmp", readOnly = false },
                        { sourceVolume = "grafana-logs", containerPath = "/var/log/grafana", readOnly = false }
                      ]
                      dependsOn = [
                        { containerName = "config", condition = "SUCCESS" }
                      ]
                      healthCheck = {
                        command     = ["CMD-SHELL", "wget -q --spider http://localhost:3000/api/health || exit 1"]
                        interval    = 30
                        timeout     = 5
                        retries     = 3
                        startPeriod = 60
                      }
                %s    }
                  ])
                }

                """.formatted(m.backend == StorageBackend.AMP_REMOTE_WRITE ? """
                ,
                    # Amazon Managed Prometheus: the datasource reads its query URL from AMP_QUERY_URL and signs with
                    # the task role (SigV4, aps:QueryMetrics and the other read actions in iam.tf).
                    { name = "GF_AUTH_SIGV4_AUTH_ENABLED", value = "true" },
                    { name = "AMP_QUERY_URL", value = aws_prometheus_workspace.this.prometheus_endpoint }""".stripTrailing() : "",
                g.size().cpuUnits(), g.size().memoryMiB(), arch(), logConfig("aws_cloudwatch_log_group.grafana", "config"),
                logConfig("aws_cloudwatch_log_group.grafana", "grafana"))
                + service("grafana", "grafana", "grafana", """

                          health_check_grace_period_seconds = 120

                          load_balancer {
                            target_group_arn = aws_lb_target_group.grafana.arn
                            container_name   = "grafana"
                            container_port   = 3000
                          }
                        """, true, java.util.List.of("aws_iam_role_policy.grafana_task", "aws_s3_object.config", "aws_efs_mount_target.monitoring",
                        "aws_efs_file_system_policy.monitoring", "aws_lb_listener.https"));
    }

    /** Bytes a Standard SSM parameter holds; an Advanced one holds 8 KB. */
    static final int SSM_STANDARD_BYTES = 4096;
    static final int SSM_ADVANCED_BYTES = 8192;

    /** Size of configs/cloudwatch-exporter.yml in bytes (UTF-8). */
    int exporterConfigBytes() {
        return configFiles.getOrDefault("configs/cloudwatch-exporter.yml", "").getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** True when the exporter config is too big for any SSM parameter: it is then read from the config bucket. */
    boolean exporterConfigInBucket() {
        return exporterConfigBytes() > SSM_ADVANCED_BYTES;
    }

    /** What the export says about where the exporter config travels, or null when a Standard parameter holds it. */
    String exporterConfigNote() {
        int bytes = exporterConfigBytes();
        if (bytes <= SSM_STANDARD_BYTES) {
            return null;
        }
        if (bytes <= SSM_ADVANCED_BYTES) {
            return "configs/cloudwatch-exporter.yml is " + bytes + " bytes, more than the 4,096 a Standard SSM parameter holds: its parameter uses the "
                    + "Advanced tier (up to 8,192 bytes), which AWS bills per parameter-month and the cost lines do not include.";
        }
        return "configs/cloudwatch-exporter.yml is " + bytes + " bytes, more than the 8,192 even an Advanced SSM parameter holds: the exporter's "
                + "config loader reads it from the config bucket instead, and its task role may read that one object.";
    }

    String exporter() {
        ComponentSizing c = m.exporter;
        boolean bucket = exporterConfigInBucket();
        String transport = bucket ? """
                # configs/cloudwatch-exporter.yml is %d bytes: more than an SSM parameter holds (Standard 4,096, Advanced
                # 8,192), so the config loader reads it from the config bucket, and the exporter's role may read that one object
                # besides the API its config selects (%%EXPORTER_API_ACTION%%), cloudwatch:ListMetrics and tag:GetResources.

                """.formatted(exporterConfigBytes()) : """
                # The config travels as an SSM parameter read by the execution role, so the exporter's own role holds
                # only the API its config selects (%EXPORTER_API_ACTION%), cloudwatch:ListMetrics and tag:GetResources.
                # Tier: Standard holds 4,096 bytes, Advanced 8,192 (billed per parameter-month); the tier follows the file's size.
                resource "aws_ssm_parameter" "cloudwatch_exporter_config" {
                  name        = "/${local.name}/cloudwatch-exporter/config.yml"
                  description = "configs/cloudwatch-exporter.yml of the promplan export"
                  type        = "String"
                  tier        = local.exporter_config_bytes > 4096 ? "Advanced" : "Standard"
                  value       = local.exporter_config

                  lifecycle {
                    precondition {
                      condition     = local.exporter_config_bytes <= 8192
                      error_message = "configs/cloudwatch-exporter.yml is over 8,192 bytes, more than an SSM parameter holds: export again (promplan then has the exporter read it from the config bucket)."
                    }
                  }
                }

                """;
        String loader = bucket ? """
                      name       = "config"
                      image      = local.images.config_loader
                      essential  = false
                      entryPoint = ["sh", "-c"]
                      command    = ["aws s3 cp s3://${aws_s3_bucket.config.id}/configs/cloudwatch-exporter.yml /config/config.yml && chmod 0444 /config/config.yml && chmod 1777 /scratch"]
                      environment = [
                        { name = "AWS_REGION", value = var.aws_region },
                        { name = "CONFIG_SHA256", value = local.config_sha256["cloudwatch_exporter"] }
                      ]
                """ : """
                      name                   = "config"
                      image                  = local.images.busybox
                      essential              = false
                      readonlyRootFilesystem = true
                      entryPoint             = ["sh", "-c"]
                      command                = ["printf '%s\\\\n' \\"$EXPORTER_CONFIG\\" > /config/config.yml && chmod 0444 /config/config.yml && chmod 1777 /scratch"]
                      environment = [
                        { name = "CONFIG_SHA256", value = local.config_sha256["cloudwatch_exporter"] }
                      ]
                      secrets = [
                        { name = "EXPORTER_CONFIG", valueFrom = aws_ssm_parameter.cloudwatch_exporter_config.arn }
                      ]
                """;
        return head("CloudWatch Exporter: CloudWatch metrics for Prometheus (configs/cloudwatch-exporter.yml)") + logGroup("cloudwatch_exporter", "cloudwatch-exporter")
                + transport + sizeComment(c) + """
                resource "aws_ecs_task_definition" "cloudwatch_exporter" {
                  family                   = "cloudwatch-exporter-${var.environment}"
                  network_mode             = "awsvpc"
                  requires_compatibilities = ["FARGATE"]
                  cpu                      = %d
                  memory                   = %d
                  execution_role_arn       = aws_iam_role.execution.arn
                  task_role_arn            = aws_iam_role.cloudwatch_exporter_task.arn

                  runtime_platform {
                    operating_system_family = "LINUX"
                    cpu_architecture        = "%s"
                  }

                  volume {
                    name = "exporter-config"
                  }

                  # Writable /tmp for the JVM: the exporter's root file system is read-only.
                  volume {
                    name = "exporter-tmp"
                  }

                  container_definitions = jsonencode([
                    {
                %s      mountPoints = [
                        { sourceVolume = "exporter-config", containerPath = "/config", readOnly = false },
                        { sourceVolume = "exporter-tmp", containerPath = "/scratch", readOnly = false }
                      ]
                %s    },
                    {
                      name                   = "cloudwatch-exporter"
                      image                  = local.images.cloudwatch_exporter
                      essential              = true
                      readonlyRootFilesystem = true
                      environment = [
                        { name = "AWS_REGION", value = var.aws_region }
                      ]
                      portMappings = [
                        { containerPort = 9106, protocol = "tcp" }
                      ]
                      mountPoints = [
                        { sourceVolume = "exporter-config", containerPath = "/config", readOnly = true },
                        { sourceVolume = "exporter-tmp", containerPath = "/tmp", readOnly = false }
                      ]
                      dependsOn = [
                        { containerName = "config", condition = "SUCCESS" }
                      ]
                      # /-/healthy answers without calling CloudWatch (/metrics would bill a full scrape); the image has curl.
                      healthCheck = {
                        command     = ["CMD-SHELL", "curl -fsS -o /dev/null http://localhost:9106/-/healthy || exit 1"]
                        interval    = 30
                        timeout     = 5
                        retries     = 3
                        startPeriod = 60
                      }
                %s    }
                  ])
                }

                """.formatted(c.size().cpuUnits(), c.size().memoryMiB(), arch(), loader, logConfig("aws_cloudwatch_log_group.cloudwatch_exporter", "config"),
                logConfig("aws_cloudwatch_log_group.cloudwatch_exporter", "cloudwatch-exporter"))
                + service("cloudwatch_exporter", "cloudwatch-exporter", "cloudwatch_exporter", "", false,
                bucket ? java.util.List.of("aws_iam_role_policy.cloudwatch_exporter_task", "aws_s3_object.config")
                        : java.util.List.of("aws_iam_role_policy.cloudwatch_exporter_task"));
    }

    String alertmanager() {
        ComponentSizing c = m.alertmanager;
        return head("Alertmanager: routes alerts to Slack by severity (configs/alertmanager.yml)") + logGroup("alertmanager", "alertmanager") + sizeComment(c)
                + """
                resource "aws_ecs_task_definition" "alertmanager" {
                  family                   = "alertmanager-${var.environment}"
                  network_mode             = "awsvpc"
                  requires_compatibilities = ["FARGATE"]
                  cpu                      = %d
                  memory                   = %d
                  execution_role_arn       = aws_iam_role.execution.arn
                  task_role_arn            = aws_iam_role.alertmanager_task.arn

                  runtime_platform {
                    operating_system_family = "LINUX"
                    cpu_architecture        = "%s"
                  }

                  volume {
                    name = "alertmanager-config"
                  }

                  volume {
                    name = "alertmanager-data"
                  }

                  container_definitions = jsonencode([
                    {
                      name       = "config"
                      image      = local.images.config_loader
                      essential  = false
                      entryPoint = ["sh", "-c"]
                      # The Slack webhook URL comes from the secret and is written to a file only inside the task.
                      command = [
                        "aws s3 cp s3://${aws_s3_bucket.config.id}/configs/alertmanager.yml /etc/alertmanager/alertmanager.yml && mkdir -p /etc/alertmanager/secrets && printf '%%s' \\"$SLACK_WEBHOOK_URL\\" > /etc/alertmanager/secrets/slack-webhook-url && chmod 0400 /etc/alertmanager/secrets/slack-webhook-url && chown -R 65534:65534 /etc/alertmanager /alertmanager"
                      ]
                      environment = [
                        { name = "AWS_REGION", value = var.aws_region },
                        { name = "CONFIG_SHA256", value = local.config_sha256["alertmanager"] }
                      ]
                      secrets = [
                        { name = "SLACK_WEBHOOK_URL", valueFrom = var.slack_webhook_secret_arn }
                      ]
                      mountPoints = [
                        { sourceVolume = "alertmanager-config", containerPath = "/etc/alertmanager", readOnly = false },
                        { sourceVolume = "alertmanager-data", containerPath = "/alertmanager", readOnly = false }
                      ]
                %s    },
                    {
                      name                   = "alertmanager"
                      image                  = local.images.alertmanager
                      essential              = true
                      readonlyRootFilesystem = true
                      command = [
                        "--config.file=/etc/alertmanager/alertmanager.yml",
                        "--storage.path=/alertmanager",
                        "--cluster.listen-address="
                      ]
                      portMappings = [
                        { containerPort = 9093, protocol = "tcp" }
                      ]
                      mountPoints = [
                        { sourceVolume = "alertmanager-config", containerPath = "/etc/alertmanager", readOnly = true },
                        { sourceVolume = "alertmanager-data", containerPath = "/alertmanager", readOnly = false }
                      ]
                      dependsOn = [
                        { containerName = "config", condition = "SUCCESS" }
                      ]
                      healthCheck = {
                        command     = ["CMD-SHELL", "wget -q --spider http://localhost:9093/-/healthy || exit 1"]
                        interval    = 30
                        timeout     = 5
                        retries     = 3
                        startPeriod = 30
                      }
                %s    }
                  ])
                }

                """.formatted(c.size().cpuUnits(), c.size().memoryMiB(), arch(), logConfig("aws_cloudwatch_log_group.alertmanager", "config"),
                logConfig("aws_cloudwatch_log_group.alertmanager", "alertmanager"))
                + service("alertmanager", "alertmanager", "alertmanager", "", true, java.util.List.of("aws_iam_role_policy.alertmanager_task", "aws_s3_object.config"));
    }

    String alb() {
        return head("Application Load Balancer: Grafana on HTTPS only, from var.allowed_cidrs") + """
                locals {
                  # Production defaults: deletion protection and access logs on when environment is "prod".
                  alb_deletion_protection = var.alb_deletion_protection == null ? var.environment == "prod" : var.alb_deletion_protection
                  alb_access_logs         = var.alb_access_logs == null ? var.environment == "prod" : var.alb_access_logs
                  alb_logs_bucket         = var.alb_access_logs_bucket != null ? var.alb_access_logs_bucket : one(aws_s3_bucket.alb_logs[*].id)
                }

                resource "aws_lb" "grafana" {
                  name                       = "grafana-${var.environment}"
                  internal                   = var.alb_internal
                  load_balancer_type         = "application"
                  security_groups            = [aws_security_group.alb.id]
                  subnets                    = var.alb_subnet_ids
                  drop_invalid_header_fields = true
                  enable_deletion_protection = local.alb_deletion_protection

                  dynamic "access_logs" {
                    for_each = local.alb_access_logs ? [1] : []

                    content {
                      bucket  = local.alb_logs_bucket
                      prefix  = "grafana-${var.environment}"
                      enabled = true
                    }
                  }

                  depends_on = [aws_s3_bucket_policy.alb_logs]
                }

                # Access logs, when on and var.alb_access_logs_bucket names no bucket of yours: a private bucket that only
                # Elastic Load Balancing may write to (SSE-S3: ALB access logs support no other encryption), kept 90 days.
                resource "aws_s3_bucket" "alb_logs" {
                  count = local.alb_access_logs && var.alb_access_logs_bucket == null ? 1 : 0

                  bucket_prefix = "${local.name}-alb-logs-"
                }

                resource "aws_s3_bucket_public_access_block" "alb_logs" {
                  count = length(aws_s3_bucket.alb_logs)

                  bucket                  = aws_s3_bucket.alb_logs[0].id
                  block_public_acls       = true
                  block_public_policy     = true
                  ignore_public_acls      = true
                  restrict_public_buckets = true
                }

                resource "aws_s3_bucket_server_side_encryption_configuration" "alb_logs" {
                  count = length(aws_s3_bucket.alb_logs)

                  bucket = aws_s3_bucket.alb_logs[0].id

                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm = "AES256"
                    }
                  }
                }

                resource "aws_s3_bucket_versioning" "alb_logs" {
                  count = length(aws_s3_bucket.alb_logs)

                  bucket = aws_s3_bucket.alb_logs[0].id

                  versioning_configuration {
                    status = "Enabled"
                  }
                }

                resource "aws_s3_bucket_lifecycle_configuration" "alb_logs" {
                  count = length(aws_s3_bucket.alb_logs)

                  bucket = aws_s3_bucket.alb_logs[0].id

                  rule {
                    id     = "expire-logs"
                    status = "Enabled"

                    filter {}

                    expiration {
                      days = 90
                    }

                    noncurrent_version_expiration {
                      noncurrent_days = 1
                    }
                  }

                  depends_on = [aws_s3_bucket_versioning.alb_logs]
                }

                data "aws_elb_service_account" "this" {}

                data "aws_iam_policy_document" "alb_logs" {
                  count = length(aws_s3_bucket.alb_logs)

                  # Regions opened before August 2022 deliver as the regional ELB account; newer ones as the log delivery service.
                  statement {
                    sid       = "ElbWritesAccessLogs"
                    actions   = ["s3:PutObject"]
                    resources = ["${aws_s3_bucket.alb_logs[0].arn}/grafana-${var.environment}/AWSLogs/${data.aws_caller_identity.current.account_id}/*"]

                    principals {
                      type        = "AWS"
                      identifiers = [data.aws_elb_service_account.this.arn]
                    }
                  }

                  statement {
                    sid       = "LogDeliveryWritesAccessLogs"
                    actions   = ["s3:PutObject"]
                    resources = ["${aws_s3_bucket.alb_logs[0].arn}/grafana-${var.environment}/AWSLogs/${data.aws_caller_identity.current.account_id}/*"]

                    principals {
                      type        = "Service"
                      identifiers = ["logdelivery.elasticloadbalancing.amazonaws.com"]
                    }
                  }

                  statement {
                    sid       = "DenyInsecureTransport"
                    effect    = "Deny"
                    actions   = ["s3:*"]
                    resources = [aws_s3_bucket.alb_logs[0].arn, "${aws_s3_bucket.alb_logs[0].arn}/*"]

                    principals {
                      type        = "*"
                      identifiers = ["*"]
                    }

                    condition {
                      test     = "Bool"
                      variable = "aws:SecureTransport"
                      values   = ["false"]
                    }
                  }
                }

                resource "aws_s3_bucket_policy" "alb_logs" {
                  count = length(aws_s3_bucket.alb_logs)

                  bucket     = aws_s3_bucket.alb_logs[0].id
                  policy     = data.aws_iam_policy_document.alb_logs[0].json
                  depends_on = [aws_s3_bucket_public_access_block.alb_logs]
                }

                resource "aws_lb_target_group" "grafana" {
                  name                 = "grafana-${var.environment}"
                  port                 = 3000
                  protocol             = "HTTP"
                  target_type          = "ip"
                  vpc_id               = var.vpc_id
                  deregistration_delay = 30

                  health_check {
                    path                = "/api/health"
                    matcher             = "200"
                    interval            = 30
                    healthy_threshold   = 2
                    unhealthy_threshold = 3
                  }
                }

                resource "aws_lb_listener" "https" {
                  load_balancer_arn = aws_lb.grafana.arn
                  port              = 443
                  protocol          = "HTTPS"
                  ssl_policy        = var.alb_ssl_policy
                  certificate_arn   = var.acm_certificate_arn

                  default_action {
                    type             = "forward"
                    target_group_arn = aws_lb_target_group.grafana.arn
                  }
                }

                # Plain HTTP only answers with a redirect to HTTPS.
                resource "aws_lb_listener" "http_redirect" {
                  load_balancer_arn = aws_lb.grafana.arn
                  port              = 80
                  protocol          = "HTTP"

                  default_action {
                    type = "redirect"

                    redirect {
                      port        = "443"
                      protocol    = "HTTPS"
                      status_code = "HTTP_301"
                    }
                  }
                }
                """;
    }

    String efs() {
        boolean promOnEfs = m.backend == StorageBackend.EFS;
        StringBuilder b = new StringBuilder(head("EFS: " + (promOnEfs ? "Prometheus TSDB and Grafana data" : "Grafana data (SQLite, plugins)")
                + "; encrypted at rest and in transit, IAM authorisation, one access point per writer"));
        if (promOnEfs) {
            b.append(Hcl.comment(EFS_WARNING)).append('\n');
            b.append("# Sized: Prometheus " + ExportModel.fmt(m.storage.volumeGiB()) + " GiB budgeted (retention.size " + m.retentionSizeFlag()
                    + "), Grafana " + ExportModel.fmt(m.storage.grafanaGiB()) + " GiB; EFS grows with use and bills stored GB.\n");
        } else {
            b.append("# Sized: Grafana " + ExportModel.fmt(m.storage.grafanaGiB()) + " GiB; EFS grows with use and bills stored GB.\n");
        }
        b.append("""
                # Throughput mode: bursting (no throughput charge; the cost lines price EFS Standard storage only).
                # No lifecycle transition to Infrequent Access: the data is read back every day.
                resource "aws_efs_file_system" "monitoring" {
                  creation_token   = "${local.name}-data"
                  encrypted        = true
                  kms_key_id       = var.kms_key_arn
                  performance_mode = "generalPurpose"
                  throughput_mode  = "bursting"

                  tags = {
                    Name = "${local.name}-data"
                  }
                }

                resource "aws_efs_mount_target" "monitoring" {
                  count = length(var.private_subnet_ids)

                  file_system_id  = aws_efs_file_system.monitoring.id
                  subnet_id       = var.private_subnet_ids[count.index]
                  security_groups = [aws_security_group.efs.id]
                }

                resource "aws_efs_access_point" "grafana" {
                  file_system_id = aws_efs_file_system.monitoring.id

                  posix_user {
                    uid = 472
                    gid = 0
                  }

                  root_directory {
                    path = "/grafana"

                    creation_info {
                      owner_uid   = 472
                      owner_gid   = 0
                      permissions = "0750"
                    }
                  }
                }

                """);
        if (promOnEfs) {
            for (ExportModel.Shard s : m.shards) {
                b.append("""
                        resource "aws_efs_access_point" "%s" {
                          file_system_id = aws_efs_file_system.monitoring.id

                          posix_user {
                            uid = 65534
                            gid = 65534
                          }

                          root_directory {
                            path = "/%s"

                            creation_info {
                              owner_uid   = 65534
                              owner_gid   = 65534
                              permissions = "0750"
                            }
                          }
                        }

                        """.formatted(s.tf(), s.key()));
            }
        }
        String roles = promOnEfs ? "aws_iam_role.prometheus_task.arn, aws_iam_role.grafana_task.arn" : "aws_iam_role.grafana_task.arn";
        b.append("""
                data "aws_iam_policy_document" "efs" {
                  statement {
                    sid       = "DenyInsecureTransport"
                    effect    = "Deny"
                    actions   = ["elasticfilesystem:*"]
                    resources = [aws_efs_file_system.monitoring.arn]

                    principals {
                      type        = "AWS"
                      identifiers = ["*"]
                    }

                    condition {
                      test     = "Bool"
                      variable = "aws:SecureTransport"
                      values   = ["false"]
                    }
                  }

                  statement {
                    sid       = "TaskRolesThroughMountTargets"
                    effect    = "Allow"
                    actions   = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
                    resources = [aws_efs_file_system.monitoring.arn]

                    principals {
                      type        = "AWS"
                      identifiers = [%s]
                    }

                    condition {
                      test     = "Bool"
                      variable = "elasticfilesystem:AccessedViaMountTarget"
                      values   = ["true"]
                    }
                  }
                }

                resource "aws_efs_file_system_policy" "monitoring" {
                  file_system_id = aws_efs_file_system.monitoring.id
                  policy         = data.aws_iam_policy_document.efs.json
                }
                """.formatted(roles));
        return b.toString();
    }

    String ebs() {
        return head("EBS: a gp3 volume attached to each Prometheus task (volume_configuration in prometheus.tf)") + """
                %s
                # ECS creates the volume with the task and deletes it when the task stops (a service-managed volume
                # cannot outlive its task). Replacements are kept rare: a config change reloads Prometheus in place
                # (prometheus.tf) and never replaces the task. What still replaces it: a new image or size (a new export),
                # a crash or failed health check, Fargate maintenance. The new volume then starts from a snapshot (below)
                # or empty, and everything written after that snapshot is lost.

                # Which snapshot a new volume starts from, per server:
                # 1. var.prometheus_restore_snapshot_ids[server] when set (a snap-... ID: any restore point you choose);
                # 2. else the newest completed snapshot of that server (the daily AWS Backup of backup.tf, found by the
                #    volume's tags), resolved when var.prometheus_restore_requests[server] last changed. The ID is then
                #    kept, so a new daily snapshot does not change the service (which would replace the task again).
                #    After a replacement started a volume empty, raise the server's number and apply: ECS replaces the
                #    task once more, from the newest snapshot;
                # 3. else empty.
                data "aws_ebs_snapshot_ids" "prometheus" {
                  for_each = toset(%s)

                  owners = ["self"]

                  filter {
                    name   = "tag:promplan-stack"
                    values = [local.name]
                  }

                  filter {
                    name   = "tag:promplan-shard"
                    values = [each.key]
                  }

                  filter {
                    name   = "status"
                    values = ["completed"]
                  }
                }

                # aws_ebs_snapshot_ids lists the newest first.
                resource "terraform_data" "prometheus_latest_snapshot" {
                  for_each = data.aws_ebs_snapshot_ids.prometheus

                  input            = try(each.value.ids[0], null)
                  triggers_replace = lookup(var.prometheus_restore_requests, each.key, 0)

                  lifecycle {
                    ignore_changes = [input]
                  }
                }

                locals {
                  prometheus_restore_snapshot = {
                    for k, latest in terraform_data.prometheus_latest_snapshot : k => lookup(var.prometheus_restore_snapshot_ids, k, null) != null ? var.prometheus_restore_snapshot_ids[k] : latest.output
                  }
                }

                # The role ECS uses to create, attach and delete the volumes.
                data "aws_iam_policy_document" "ecs_infrastructure_assume" {
                  statement {
                    actions = ["sts:AssumeRole"]

                    principals {
                      type        = "Service"
                      identifiers = ["ecs.amazonaws.com"]
                    }
                  }
                }

                resource "aws_iam_role" "ecs_infrastructure" {
                  name               = "${local.name}-ecs-infrastructure"
                  assume_role_policy = data.aws_iam_policy_document.ecs_infrastructure_assume.json
                }

                resource "aws_iam_role_policy_attachment" "ecs_infrastructure" {
                  role       = aws_iam_role.ecs_infrastructure.name
                  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForVolumes"
                }
                """.formatted(ebsSizing().stripTrailing(), "[" + m.shards.stream().map(x -> "\"" + x.key() + "\"").collect(Collectors.joining(", ")) + "]");
    }

    /** The # lines of ebs.tf that size each server's volume and its snapshots (from that server's own share). */
    String ebsSizing() {
        StringBuilder b = new StringBuilder(m.sharded() ? "# Sized per server from its own share of the samples: gp3, 3,000 IOPS and 125 MiB/s (the baseline gp3 includes).\n"
                : "# Sized: gp3, 3,000 IOPS and 125 MiB/s (the baseline gp3 includes).\n");
        double snapshots = 0;
        for (ExportModel.Shard s : m.shards) {
            double snap = m.snapshotGiBMonth(s);
            snapshots += snap;
            b.append("#   ").append(s.key()).append(": ").append(s.volumeGiB()).append(" GiB volume, retention.size ").append(s.retentionSizeFlag())
                    .append(m.w.storage().backup() ? "; snapshots ~" + ExportModel.fmt(Math.round(snap * 100) / 100.0) + " GiB-month" : "").append(".\n");
        }
        if (m.w.storage().backup()) {
            b.append("# Snapshots are incremental: each server's stored GiB x (1 + ").append(io.promplan.core.cost.CostModel.BACKUP_RETENTION_DAYS)
                    .append(" d kept / ").append(m.w.retention().text()).append(" retention); ").append(ExportModel.fmt(Math.round(snapshots * 100) / 100.0))
                    .append(" GiB-month over ").append(m.shards.size() == 1 ? "the server" : "all " + m.shards.size() + " servers").append(".\n");
        }
        return b.toString();
    }

    String ephemeral() {
        return head("Ephemeral storage: the TSDB on the Fargate task's own disk") + """
                %s
                # WARNING: the data is lost whenever the task stops or is replaced (deployments, host retirement);
                # history restarts empty. There is nothing for AWS Backup to copy.
                """.formatted(m.shards.stream().map(s -> "# Sized" + (m.sharded() ? " (" + s.key() + ")" : "") + ": " + s.volumeGiB()
                + " GiB needed (ephemeral_storage in prometheus.tf " + (m.ephemeralGiB(s) > 0 ? "asks for " + m.ephemeralGiB(s) + " GiB" : "keeps the included 20 GiB")
                + "; Fargate includes 20 GiB, up to 200 GiB).").collect(Collectors.joining("\n")));
    }

    /** AMP keeps 1 to 1,095 days; the priced retention, rounded up to whole days, within that range. */
    int ampRetentionDays() {
        return (int) Math.min(AMP_MAX_RETENTION_DAYS, Math.max(1, Math.ceil(m.w.retention().days() - 1e-9)));
    }

    static final int AMP_MAX_RETENTION_DAYS = 1095;

    String amp() {
        return head("Amazon Managed Service for Prometheus: long-term storage by remote_write") + """
                # Prometheus keeps %s locally (ephemeral storage) and writes every sample to this workspace, which keeps
                # %s: the retention the planner priced (%s GiB stored), set below (AWS's default would be 150 days).
                # Grafana reads the workspace through its Amazon Managed Prometheus datasource (SigV4, the task role).
                resource "aws_prometheus_workspace" "this" {
                  alias = local.name

                  logging_configuration {
                    log_group_arn = "${aws_cloudwatch_log_group.amp.arn}:*"
                  }
                }

                resource "aws_prometheus_workspace_configuration" "this" {
                  workspace_id             = aws_prometheus_workspace.this.id
                  retention_period_in_days = %d
                }

                resource "aws_cloudwatch_log_group" "amp" {
                  name              = "/aws/prometheus/${local.name}"
                  retention_in_days = var.log_retention_days
                  kms_key_id        = var.kms_key_arn
                }
                """.formatted(m.retentionTimeFlag(), m.w.retention().text(), ExportModel.fmt(Math.round(m.storage.remoteStoredGiB() * 100) / 100.0),
                ampRetentionDays());
    }

    /** For a task role that reads the config bucket: kms:Decrypt on var.kms_key_arn when the bucket uses it. */
    static final String KMS_DECRYPT_CONFIG = """

              dynamic "statement" {
                for_each = var.kms_key_arn == null ? [] : [1]

                content {
                  sid       = "DecryptConfig"
                  actions   = ["kms:Decrypt"]
                  resources = [var.kms_key_arn]
                }
              }
            """;

    /** The Grafana task role's statements besides reading its config, its EFS data and CloudWatch. */
    private String grafanaPolicyExtra() {
        String amp = m.backend == StorageBackend.AMP_REMOTE_WRITE ? """

                  # The Amazon Managed Prometheus datasource (SigV4): queries the workspace that holds the full retention.
                  statement {
                    sid       = "QueryManagedPrometheus"
                    actions   = ["aps:QueryMetrics", "aps:GetSeries", "aps:GetLabels", "aps:GetMetricMetadata"]
                    resources = [aws_prometheus_workspace.this.arn]
                  }
                """ : "";
        return amp + KMS_DECRYPT_CONFIG;
    }

    String iam() {
        boolean promOnEfs = m.backend == StorageBackend.EFS;
        StringBuilder b = new StringBuilder(head("IAM: one execution role, one least-privilege task role per component"));
        b.append("""
                data "aws_iam_policy_document" "ecs_tasks_assume" {
                  statement {
                    actions = ["sts:AssumeRole"]

                    principals {
                      type        = "Service"
                      identifiers = ["ecs-tasks.amazonaws.com"]
                    }

                    condition {
                      test     = "StringEquals"
                      variable = "aws:SourceAccount"
                      values   = [data.aws_caller_identity.current.account_id]
                    }
                  }
                }

                # Execution role: pulls images, writes logs, reads the secrets and the exporter's config parameter.
                resource "aws_iam_role" "execution" {
                  name               = "${local.name}-execution"
                  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
                }

                resource "aws_iam_role_policy_attachment" "execution" {
                  role       = aws_iam_role.execution.name
                  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
                }

                locals {
                  secret_arns = compact([
                    var.grafana_admin_password_secret_arn,
                    var.grafana_oauth_client_secret_arn,%s
                  ])
                  secrets_manager_arns = [for a in local.secret_arns : a if length(regexall(":secretsmanager:", a)) > 0]
                  ssm_parameter_arns   = [for a in local.secret_arns : a if length(regexall(":ssm:", a)) > 0]
                }

                data "aws_iam_policy_document" "execution" {
                  dynamic "statement" {
                    for_each = length(local.secrets_manager_arns) > 0 ? [1] : []

                    content {
                      sid       = "ReadSecrets"
                      actions   = ["secretsmanager:GetSecretValue"]
                      resources = local.secrets_manager_arns
                    }
                  }

                %s
                  dynamic "statement" {
                    for_each = var.kms_key_arn == null ? [] : [1]

                    content {
                      sid       = "DecryptSecrets"
                      actions   = ["kms:Decrypt"]
                      resources = [var.kms_key_arn]
                    }
                  }
                }

                resource "aws_iam_role_policy" "execution" {
                  name   = "secrets"
                  role   = aws_iam_role.execution.id
                  policy = data.aws_iam_policy_document.execution.json
                }

                """.formatted(m.alertmanager != null ? "\n    var.slack_webhook_secret_arn," : "", exporterConfigInBucket() ? """
                  dynamic "statement" {
                    for_each = length(local.ssm_parameter_arns) > 0 ? [1] : []

                    content {
                      sid       = "ReadParameters"
                      actions   = ["ssm:GetParameters"]
                      resources = local.ssm_parameter_arns
                    }
                  }
                """ : """
                  statement {
                    sid       = "ReadParameters"
                    actions   = ["ssm:GetParameters"]
                    resources = concat(local.ssm_parameter_arns, [aws_ssm_parameter.cloudwatch_exporter_config.arn])
                  }
                """));
        // Prometheus
        b.append("""
                # Prometheus: reads its config from the bucket%s.
                resource "aws_iam_role" "prometheus_task" {
                  name               = "${local.name}-prometheus-task"
                  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
                }

                data "aws_iam_policy_document" "prometheus_task" {
                  statement {
                    sid       = "ReadConfig"
                    actions   = ["s3:GetObject"]
                    resources = ["${aws_s3_bucket.config.arn}/configs/prometheus*.yml", "${aws_s3_bucket.config.arn}/configs/rules/*"%s]
                  }

                  statement {
                    sid       = "ListConfig"
                    actions   = ["s3:ListBucket"]
                    resources = [aws_s3_bucket.config.arn]

                    condition {
                      test     = "StringLike"
                      variable = "s3:prefix"
                      values   = ["configs/rules/*"]
                    }
                  }
                """.formatted(promOnEfs ? ", mounts its EFS access points" : m.backend == StorageBackend.AMP_REMOTE_WRITE ? ", writes to the AMP workspace" : "",
                ecsApiDiscovery() ? ", \"${aws_s3_bucket.config.arn}/discovery/*\"" : ""));
        b.append(KMS_DECRYPT_CONFIG);
        if (ecsApiDiscovery()) {
            b.append("""

                      # ECS-API discovery (var.service_discovery): the sync sidecar lists the tasks of the services in this cluster.
                      statement {
                        sid       = "DiscoverTasks"
                        actions   = ["ecs:ListTasks", "ecs:DescribeTasks"]
                        resources = ["*"]

                        condition {
                          test     = "ArnEquals"
                          variable = "ecs:cluster"
                          values   = [local.ecs_cluster_arn]
                        }
                      }
                    """);
        }
        if (promOnEfs) {
            b.append("""

                      statement {
                        sid       = "MountData"
                        actions   = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
                        resources = [aws_efs_file_system.monitoring.arn]

                        condition {
                          test     = "StringEquals"
                          variable = "elasticfilesystem:AccessPointArn"
                          values   = [%s]
                        }
                      }
                    """.formatted(m.shards.stream().map(s -> "aws_efs_access_point." + s.tf() + ".arn").collect(Collectors.joining(", "))));
        }
        if (m.backend == StorageBackend.AMP_REMOTE_WRITE) {
            b.append("""

                      statement {
                        sid       = "RemoteWrite"
                        actions   = ["aps:RemoteWrite"]
                        resources = [aws_prometheus_workspace.this.arn]
                      }
                    """);
        }
        b.append("""
                }

                resource "aws_iam_role_policy" "prometheus_task" {
                  name   = "prometheus"
                  role   = aws_iam_role.prometheus_task.id
                  policy = data.aws_iam_policy_document.prometheus_task.json
                }

                # Grafana: reads its provisioning and dashboards, mounts its EFS access point, and reads CloudWatch
                # for the CloudWatch datasource (the actions Grafana documents for it, all read-only).
                resource "aws_iam_role" "grafana_task" {
                  name               = "${local.name}-grafana-task"
                  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
                }

                data "aws_iam_policy_document" "grafana_task" {
                  statement {
                    sid       = "ReadConfig"
                    actions   = ["s3:GetObject"]
                    resources = ["${aws_s3_bucket.config.arn}/configs/grafana/*", "${aws_s3_bucket.config.arn}/dashboards/*"]
                  }

                  statement {
                    sid       = "ListConfig"
                    actions   = ["s3:ListBucket"]
                    resources = [aws_s3_bucket.config.arn]

                    condition {
                      test     = "StringLike"
                      variable = "s3:prefix"
                      values   = ["configs/grafana/*", "dashboards/*"]
                    }
                  }

                  statement {
                    sid       = "MountData"
                    actions   = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
                    resources = [aws_efs_file_system.monitoring.arn]

                    condition {
                      test     = "StringEquals"
                      variable = "elasticfilesystem:AccessPointArn"
                      values   = [aws_efs_access_point.grafana.arn]
                    }
                  }

                  statement {
                    sid = "CloudWatchDatasource"
                    actions = [
                      "cloudwatch:DescribeAlarmsForMetric",
                      "cloudwatch:DescribeAlarmHistory",
                      "cloudwatch:DescribeAlarms",
                      "cloudwatch:ListMetrics",
                      "cloudwatch:GetMetricData",
                      "cloudwatch:GetInsightRuleReport",
                      "logs:DescribeLogGroups",
                      "logs:GetLogGroupFields",
                      "logs:StartQuery",
                      "logs:StopQuery",
                      "logs:GetQueryResults",
                      "logs:GetLogEvents",
                      "ec2:DescribeTags",
                      "ec2:DescribeInstances",
                      "ec2:DescribeRegions",
                      "tag:GetResources"
                    ]
                    resources = ["*"]
                  }
                ##GRAFANA_EXTRA##}

                resource "aws_iam_role_policy" "grafana_task" {
                  name   = "grafana"
                  role   = aws_iam_role.grafana_task.id
                  policy = data.aws_iam_policy_document.grafana_task.json
                }

                # CloudWatch Exporter: exactly the three read actions it calls##EXPORTER_WHY##.
                resource "aws_iam_role" "cloudwatch_exporter_task" {
                  name               = "${local.name}-cloudwatch-exporter-task"
                  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
                }

                data "aws_iam_policy_document" "cloudwatch_exporter_task" {
                  statement {
                    sid       = "ReadCloudWatch"
                    actions   = ["%EXPORTER_API_ACTION%", "cloudwatch:ListMetrics", "tag:GetResources"]
                    resources = ["*"]
                  }
                ##EXPORTER_EXTRA##}

                resource "aws_iam_role_policy" "cloudwatch_exporter_task" {
                  name   = "cloudwatch-exporter"
                  role   = aws_iam_role.cloudwatch_exporter_task.id
                  policy = data.aws_iam_policy_document.cloudwatch_exporter_task.json
                }
                """.replace("##GRAFANA_EXTRA##", grafanaPolicyExtra())
                .replace("##EXPORTER_WHY##", exporterConfigInBucket() ? ", and its config file from the bucket" : " (its config comes through the execution role)")
                .replace("##EXPORTER_EXTRA##", exporterConfigInBucket() ? """

                          statement {
                            sid       = "ReadConfig"
                            actions   = ["s3:GetObject"]
                            resources = ["${aws_s3_bucket.config.arn}/configs/cloudwatch-exporter.yml"]
                          }
                        """ + KMS_DECRYPT_CONFIG : ""));
        if (m.alertmanager != null) {
            b.append("""

                    # Alertmanager: reads its config file from the bucket, nothing else.
                    resource "aws_iam_role" "alertmanager_task" {
                      name               = "${local.name}-alertmanager-task"
                      assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
                    }

                    data "aws_iam_policy_document" "alertmanager_task" {
                      statement {
                        sid       = "ReadConfig"
                        actions   = ["s3:GetObject"]
                        resources = ["${aws_s3_bucket.config.arn}/configs/alertmanager.yml"]
                      }
                    ##KMS##}

                    resource "aws_iam_role_policy" "alertmanager_task" {
                      name   = "alertmanager"
                      role   = aws_iam_role.alertmanager_task.id
                      policy = data.aws_iam_policy_document.alertmanager_task.json
                    }
                    """.replace("##KMS##", KMS_DECRYPT_CONFIG));
        }
        return b.toString();
    }

    private static String sg(String tf, String desc) {
        return """
                resource "aws_security_group" "%s" {
                  name_prefix = "${local.name}-%s-"
                  description = "%s"
                  vpc_id      = var.vpc_id

                  lifecycle {
                    create_before_destroy = true
                  }
                }

                """.formatted(tf, tf.replace('_', '-'), desc);
    }

    private static String fromSg(String name, String to, String from, int port, String desc) {
        return """
                resource "aws_vpc_security_group_ingress_rule" "%s" {
                  security_group_id            = aws_security_group.%s.id
                  referenced_security_group_id = aws_security_group.%s.id
                  ip_protocol                  = "tcp"
                  from_port                    = %d
                  to_port                      = %d
                  description                  = "%s"
                }

                """.formatted(name, to, from, port, port, desc);
    }

    private static String toSg(String name, String from, String to, int port, String desc) {
        return """
                resource "aws_vpc_security_group_egress_rule" "%s" {
                  security_group_id            = aws_security_group.%s.id
                  referenced_security_group_id = aws_security_group.%s.id
                  ip_protocol                  = "tcp"
                  from_port                    = %d
                  to_port                      = %d
                  description                  = "%s"
                }

                """.formatted(name, from, to, port, port, desc);
    }

    /** HTTPS out (AWS APIs, registries, Slack, OAuth) and DNS inside the VPC: no all-protocol egress anywhere. */
    private static String egressOut(String tf) {
        return """
                resource "aws_vpc_security_group_egress_rule" "%s_https" {
                  for_each = toset(var.https_egress_cidrs)

                  security_group_id = aws_security_group.%s.id
                  cidr_ipv4         = each.value
                  ip_protocol       = "tcp"
                  from_port         = 443
                  to_port           = 443
                  description       = "HTTPS: AWS APIs, image registries, webhooks"
                }

                resource "aws_vpc_security_group_egress_rule" "%s_dns" {
                  for_each = toset(["udp", "tcp"])

                  security_group_id = aws_security_group.%s.id
                  cidr_ipv4         = data.aws_vpc.this.cidr_block
                  ip_protocol       = each.value
                  from_port         = 53
                  to_port           = 53
                  description       = "DNS resolvers inside the VPC"
                }

                """.formatted(tf, tf, tf, tf);
    }

    String securityGroups() {
        StringBuilder b = new StringBuilder(head("Security groups: nothing admits 0.0.0.0/0 or ::/0 inbound; no all-protocol egress"));
        b.append("""
                # Grafana is reachable only through the ALB, on 443 (and 80, which only redirects) from var.allowed_cidrs.
                # Prometheus, Alertmanager and the exporter are reachable only from the stack's own security groups
                # (Prometheus pulls: the services never need to reach it). Egress: HTTPS to var.https_egress_cidrs,
                # DNS inside the VPC, and the stack's own ports to the groups that serve them.

                data "aws_vpc" "this" {
                  id = var.vpc_id
                }

                """);
        b.append(sg("alb", "Grafana ALB: HTTPS from the allowed CIDRs"));
        b.append(sg("grafana", "Grafana tasks: from the ALB only"));
        b.append(sg("prometheus", "Prometheus tasks: from Grafana and other Prometheus servers"));
        b.append(sg("cloudwatch_exporter", "CloudWatch Exporter: from Prometheus only"));
        if (m.alertmanager != null) {
            b.append(sg("alertmanager", "Alertmanager: from Prometheus and Grafana only"));
        }
        b.append(sg("efs", "EFS mount targets: NFS from the tasks that mount it"));
        b.append("""
                resource "aws_vpc_security_group_ingress_rule" "alb_https" {
                  for_each = toset(var.allowed_cidrs)

                  security_group_id = aws_security_group.alb.id
                  cidr_ipv4         = each.value
                  ip_protocol       = "tcp"
                  from_port         = 443
                  to_port           = 443
                  description       = "HTTPS from an allowed network"
                }

                resource "aws_vpc_security_group_ingress_rule" "alb_http_redirect" {
                  for_each = toset(var.allowed_cidrs)

                  security_group_id = aws_security_group.alb.id
                  cidr_ipv4         = each.value
                  ip_protocol       = "tcp"
                  from_port         = 80
                  to_port           = 80
                  description       = "HTTP from an allowed network, redirected to HTTPS"
                }

                """);
        b.append(toSg("alb_to_grafana", "alb", "grafana", 3000, "to Grafana"));
        b.append(fromSg("grafana_from_alb", "grafana", "alb", 3000, "Grafana from the ALB"));
        b.append(fromSg("prometheus_from_grafana", "prometheus", "grafana", 9090, "queries from Grafana"));
        b.append(fromSg("prometheus_from_prometheus", "prometheus", "prometheus", 9090, "between Prometheus servers"));
        b.append("""
                # Lets Prometheus scrape the services: a rule on each service's own security group.
                resource "aws_vpc_security_group_ingress_rule" "services_from_prometheus" {
                  for_each = var.add_scrape_rules_to_service_security_groups ? toset(var.service_security_group_ids) : toset([])

                  security_group_id            = each.value
                  referenced_security_group_id = aws_security_group.prometheus.id
                  ip_protocol                  = "tcp"
                  from_port                    = local.metrics_port
                  to_port                      = local.metrics_port
                  description                  = "Prometheus scrapes /metrics"
                }

                """);
        b.append(fromSg("cloudwatch_exporter_from_prometheus", "cloudwatch_exporter", "prometheus", 9106, "scrapes from Prometheus"));
        if (m.alertmanager != null) {
            b.append(fromSg("alertmanager_from_prometheus", "alertmanager", "prometheus", 9093, "alerts and scrapes from Prometheus"));
            b.append(fromSg("alertmanager_from_grafana", "alertmanager", "grafana", 9093, "Grafana's Alertmanager datasource"));
        }
        b.append(fromSg("efs_from_grafana", "efs", "grafana", 2049, "NFS from Grafana"));
        if (m.backend == StorageBackend.EFS) {
            b.append(fromSg("efs_from_prometheus", "efs", "prometheus", 2049, "NFS from Prometheus"));
        }

        b.append("# Egress.\n\n");
        b.append(toSg("grafana_to_prometheus", "grafana", "prometheus", 9090, "queries to Prometheus"));
        if (m.alertmanager != null) {
            b.append(toSg("grafana_to_alertmanager", "grafana", "alertmanager", 9093, "Alertmanager datasource"));
        }
        b.append(toSg("grafana_to_efs", "grafana", "efs", 2049, "NFS to EFS"));
        b.append(toSg("prometheus_to_prometheus", "prometheus", "prometheus", 9090, "between Prometheus servers"));
        b.append(toSg("prometheus_to_cloudwatch_exporter", "prometheus", "cloudwatch_exporter", 9106, "scrapes the exporter"));
        if (m.alertmanager != null) {
            b.append(toSg("prometheus_to_alertmanager", "prometheus", "alertmanager", 9093, "alerts and scrapes to Alertmanager"));
        }
        if (m.backend == StorageBackend.EFS) {
            b.append(toSg("prometheus_to_efs", "prometheus", "efs", 2049, "NFS to EFS"));
        }
        b.append("""
                resource "aws_vpc_security_group_egress_rule" "prometheus_to_services" {
                  for_each = toset(var.service_security_group_ids)

                  security_group_id            = aws_security_group.prometheus.id
                  referenced_security_group_id = each.value
                  ip_protocol                  = "tcp"
                  from_port                    = local.metrics_port
                  to_port                      = local.metrics_port
                  description                  = "scrapes a monitored service"
                }

                """);
        b.append(egressOut("grafana"));
        b.append(egressOut("prometheus"));
        b.append(egressOut("cloudwatch_exporter"));
        if (m.alertmanager != null) {
            b.append(egressOut("alertmanager"));
        }
        return b.toString().stripTrailing() + "\n";
    }

    String route53() {
        return head("DNS name for Grafana") + """
                resource "aws_route53_record" "grafana" {
                  zone_id = var.route53_zone_id
                  name    = var.grafana_domain_name
                  type    = "A"

                  alias {
                    name                   = aws_lb.grafana.dns_name
                    zone_id                = aws_lb.grafana.zone_id
                    evaluate_target_health = true
                  }
                }
                """;
    }

    private static String sdService(String tf, String name) {
        return """
                resource "aws_service_discovery_service" "%s" {
                  name = "%s"

                  dns_config {
                    namespace_id   = aws_service_discovery_private_dns_namespace.monitoring.id
                    routing_policy = "MULTIVALUE"

                    dns_records {
                      ttl  = 10
                      type = "A"
                    }
                  }
                }

                """.formatted(tf, name);
    }

    String serviceDiscovery() {
        StringBuilder b = new StringBuilder(head("Cloud Map: how Prometheus 2.x finds tasks on ECS (dns_sd_configs)"));
        b.append("""
                resource "aws_service_discovery_private_dns_namespace" "monitoring" {
                  name        = local.namespace
                  description = "Monitoring stack and the services it scrapes"
                  vpc         = var.vpc_id
                }

                """);
        for (ExportModel.Shard s : m.shards) {
            b.append(sdService(s.tf(), s.key()));
        }
        b.append(sdService("grafana", "grafana"));
        b.append(sdService("cloudwatch_exporter", "cloudwatch-exporter"));
        if (m.alertmanager != null) {
            b.append(sdService("alertmanager", "alertmanager"));
        }
        b.append("""
                # One Cloud Map service per monitored ECS service%s: add its ARN (output scrape_registry_arns) to that
                # service's service_registries block so its tasks appear as <name>.monitoring.internal.
                resource "aws_service_discovery_service" "scraped" {
                  for_each = %s

                  name        = each.key
                  description = "scrape target: ${each.value}"

                  dns_config {
                    namespace_id   = aws_service_discovery_private_dns_namespace.monitoring.id
                    routing_policy = "MULTIVALUE"

                    dns_records {
                      ttl  = 10
                      type = "A"
                    }
                  }
                }
                """.formatted(ecsApiDiscovery() ? " (one discovered through the ECS API keeps an unused one: harmless, it has no instances)" : "",
                "local.scraped_services"));
        if (ecsApiDiscovery()) {
            b.append(ecsApiDiscoveryBlocks());
        }
        return b.toString();
    }

    /** ECS-API discovery: which services use it, each server's list for its sync sidecar, and the checks on the inputs. */
    private String ecsApiDiscoveryBlocks() {
        int width = m.shards.stream().mapToInt(s -> Hcl.str(s.key()).length()).max().orElse(0);
        String lists = m.shards.stream().map(s -> "    " + Hcl.str(s.key()) + " ".repeat(width - Hcl.str(s.key()).length()) + " = [for k in " + "[" + s.services().stream().map(v -> Hcl.str(v.slug()))
                .collect(Collectors.joining(", ")) + "] : \"service-${k} ${local.ecs_service_names[k]}\" if local.discovery[k] == \"ecs-api\"]")
                .collect(Collectors.joining("\n"));
        return """

                # ECS-API discovery (var.service_discovery): for a service already registered in another Cloud Map
                # namespace (an ECS service has one service registry), the sync sidecar of its Prometheus task lists the
                # service's running tasks through the ECS API every %d s and writes their IPs for file_sd_configs.
                locals {
                  discovery         = { for k, name in local.scraped_services : k => lookup(var.service_discovery, k, "cloud-map") }
                  ecs_service_names = { for k, name in local.scraped_services : k => lookup(var.ecs_service_names, k, replace(name, "/[^A-Za-z0-9_-]/", "-")) }
                  ecs_cluster_arn   = startswith(var.ecs_cluster_arn, "arn:") ? var.ecs_cluster_arn : "arn:${data.aws_partition.current.partition}:ecs:${var.aws_region}:${data.aws_caller_identity.current.account_id}:cluster/${var.ecs_cluster_arn}"

                  # Per Prometheus server: "<scrape job> <ECS service name>" for each of its services discovered through the ECS API.
                  ecs_discovery = {
                %s
                  }
                }

                resource "aws_s3_object" "ecs_discovery" {
                  for_each = local.ecs_discovery

                  bucket       = aws_s3_bucket.config.id
                  key          = "discovery/${each.key}.txt"
                  content      = join("", [for line in each.value : "${line}\\n"])
                  content_type = "text/plain"
                }

                check "service_discovery_names" {
                  assert {
                    condition     = length(setsubtract(keys(var.service_discovery), keys(local.scraped_services))) == 0 && length(setsubtract(keys(var.ecs_service_names), keys(local.scraped_services))) == 0
                    error_message = "service_discovery and ecs_service_names take the Cloud Map names of the monitored services (the keys of local.scraped_services in main.tf)."
                  }
                }
                """.formatted(SYNC_SECONDS, lists);
    }

    String backup() {
        StringBuilder b = new StringBuilder(head("AWS Backup: daily copies of the data, kept 7 days"));
        if (!m.w.storage().backup()) {
            b.append("# The scenario sets backup: false, so no backup plan is created. Set backup: true and export again\n"
                    + "# to get a daily AWS Backup plan of the EFS file system (and of the EBS volumes with storage: ebs).\n");
            return b.toString();
        }
        if (m.backend == StorageBackend.EPHEMERAL || m.backend == StorageBackend.AMP_REMOTE_WRITE) {
            b.append("# Prometheus's local data is on ephemeral storage and is not backed up"
                    + (m.backend == StorageBackend.AMP_REMOTE_WRITE ? " (Managed Prometheus keeps the history)" : "") + "; Grafana's EFS data is.\n");
        }
        b.append("""
                resource "aws_backup_vault" "monitoring" {
                  name        = "${local.name}-vault"
                  kms_key_arn = var.kms_key_arn
                }

                resource "aws_backup_plan" "monitoring" {
                  name = "${local.name}-daily"

                  rule {
                    rule_name         = "daily"
                    target_vault_name = aws_backup_vault.monitoring.name
                    schedule          = "cron(0 18 * * ? *)"
                    start_window      = 60
                    completion_window = 360

                    lifecycle {
                      delete_after = 7
                    }

                    recovery_point_tags = {
                      "promplan-stack" = local.name
                    }
                  }
                }

                data "aws_iam_policy_document" "backup_assume" {
                  statement {
                    actions = ["sts:AssumeRole"]

                    principals {
                      type        = "Service"
                      identifiers = ["backup.amazonaws.com"]
                    }
                  }
                }

                resource "aws_iam_role" "backup" {
                  name               = "${local.name}-backup"
                  assume_role_policy = data.aws_iam_policy_document.backup_assume.json
                }

                resource "aws_iam_role_policy_attachment" "backup" {
                  role       = aws_iam_role.backup.name
                  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
                }

                resource "aws_iam_role_policy_attachment" "restore" {
                  role       = aws_iam_role.backup.name
                  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
                }

                resource "aws_backup_selection" "efs" {
                  name         = "${local.name}-efs"
                  plan_id      = aws_backup_plan.monitoring.id
                  iam_role_arn = aws_iam_role.backup.arn
                  resources    = [aws_efs_file_system.monitoring.arn]
                }
                """);
        if (m.backend == StorageBackend.EBS) {
            b.append("""

                    # The Prometheus EBS volumes, found by the tag ECS puts on them (ebs.tf, prometheus.tf).
                    resource "aws_backup_selection" "prometheus_ebs" {
                      name         = "${local.name}-prometheus-ebs"
                      plan_id      = aws_backup_plan.monitoring.id
                      iam_role_arn = aws_iam_role.backup.arn
                      resources    = ["arn:${data.aws_partition.current.partition}:ec2:${var.aws_region}:${data.aws_caller_identity.current.account_id}:volume/*"]

                      # Conditions are ANDed with resources and with each other: only this stack's (this environment's)
                      # Prometheus volumes, in this account and region; another environment's tagged volumes are not selected.
                      condition {
                        string_equals {
                          key   = "aws:ResourceTag/promplan-backup"
                          value = "daily"
                        }
                        string_equals {
                          key   = "aws:ResourceTag/promplan-stack"
                          value = local.name
                        }
                      }
                    }
                    """);
        }
        return b.toString();
    }

    String variables() {
        StringBuilder b = new StringBuilder(head("Inputs: set them in a .tfvars file (see terraform.example.tfvars)"));
        b.append("""
                variable "aws_region" {
                  description = "AWS region to deploy into (the region the plan was priced for)."
                  type        = string
                  default     = "%s"

                  validation {
                    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.aws_region))
                    error_message = "aws_region must be a region code such as ap-northeast-2."
                  }
                }

                variable "environment" {
                  description = "Environment name, used in resource names (the configs label every series env=\\"%s\\")."
                  type        = string
                  default     = "%s"

                  validation {
                    condition     = can(regex("^[a-z][a-z0-9-]{0,15}$", var.environment))
                    error_message = "environment must be 1-16 lower-case letters, digits or '-', starting with a letter."
                  }
                }

                variable "vpc_id" {
                  description = "VPC the stack and the monitored services run in."
                  type        = string

                  validation {
                    condition     = can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
                    error_message = "vpc_id must look like vpc-0123456789abcdef0."
                  }
                }

                variable "private_subnet_ids" {
                  description = "Private subnets (at least two, in different AZs) for the tasks and the EFS mount targets."
                  type        = list(string)

                  validation {
                    condition     = length(var.private_subnet_ids) >= 2 && alltrue([for s in var.private_subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", s))])
                    error_message = "private_subnet_ids needs at least two subnet IDs (subnet-...)."
                  }
                }

                variable "alb_subnet_ids" {
                  description = "Subnets of the Grafana ALB: public subnets, or private ones with alb_internal = true (at least two AZs)."
                  type        = list(string)

                  validation {
                    condition     = length(var.alb_subnet_ids) >= 2 && alltrue([for s in var.alb_subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", s))])
                    error_message = "alb_subnet_ids needs at least two subnet IDs (subnet-...)."
                  }
                }

                variable "alb_internal" {
                  description = "Make the ALB internal (reachable only through the VPC, VPN or Direct Connect)."
                  type        = bool
                  default     = false
                }

                variable "alb_deletion_protection" {
                  description = "Protect the ALB from deletion; null turns it on when environment is \\"prod\\"."
                  type        = bool
                  default     = null
                }

                variable "alb_access_logs" {
                  description = "Write ALB access logs to S3; null turns them on when environment is \\"prod\\"."
                  type        = bool
                  default     = null
                }

                variable "alb_access_logs_bucket" {
                  description = "Existing bucket (with the ELB log delivery policy) for the ALB access logs; null creates one when access logs are on."
                  type        = string
                  default     = null
                }

                variable "alb_ssl_policy" {
                  description = "TLS policy of the HTTPS listener (TLS 1.3 and 1.2 only by default)."
                  type        = string
                  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

                  validation {
                    condition     = can(regex("^ELBSecurityPolicy-TLS13-", var.alb_ssl_policy))
                    error_message = "alb_ssl_policy must be one of the ELBSecurityPolicy-TLS13-* policies."
                  }
                }

                variable "allowed_cidrs" {
                  description = "IPv4 networks (office, VPN) allowed to reach Grafana on 443. There is deliberately no default and no 0.0.0.0/0."
                  type        = list(string)

                  validation {
                    condition     = length(var.allowed_cidrs) > 0 && alltrue([for c in var.allowed_cidrs : can(cidrnetmask(c)) && !endswith(c, "/0")])
                    error_message = "allowed_cidrs needs at least one IPv4 CIDR such as 203.0.113.0/24; /0 (the whole internet) is refused."
                  }
                }

                variable "acm_certificate_arn" {
                  description = "ACM certificate for grafana_domain_name, in aws_region."
                  type        = string

                  validation {
                    condition     = can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/", var.acm_certificate_arn))
                    error_message = "acm_certificate_arn must be an ACM certificate ARN."
                  }
                }

                variable "route53_zone_id" {
                  description = "Route 53 hosted zone that holds grafana_domain_name."
                  type        = string

                  validation {
                    condition     = can(regex("^Z[A-Z0-9]{4,32}$", var.route53_zone_id))
                    error_message = "route53_zone_id must be a hosted zone ID (Z...)."
                  }
                }

                variable "grafana_domain_name" {
                  description = "Host name users open Grafana at, e.g. grafana.example.com."
                  type        = string

                  validation {
                    condition     = can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\\\.)+[a-z]{2,}$", var.grafana_domain_name))
                    error_message = "grafana_domain_name must be a DNS name such as grafana.example.com."
                  }
                }

                variable "ecs_cluster_arn" {
                  description = "ECS cluster (ARN or name) the tasks run in."
                  type        = string

                  validation {
                    condition     = length(var.ecs_cluster_arn) > 0
                    error_message = "ecs_cluster_arn must name an ECS cluster."
                  }
                }

                variable "service_security_group_ids" {
                  description = "Security groups of the monitored ECS services: Prometheus scrapes them, and they may reach Prometheus."
                  type        = list(string)

                  validation {
                    condition     = alltrue([for s in var.service_security_group_ids : can(regex("^sg-[0-9a-f]{8,17}$", s))])
                    error_message = "service_security_group_ids must be security group IDs (sg-...)."
                  }
                }

                variable "add_scrape_rules_to_service_security_groups" {
                  description = "Add an ingress rule on each service security group for Prometheus on the metrics port (turn off if those groups manage their rules inline)."
                  type        = bool
                  default     = true
                }

                variable "grafana_admin_password_secret_arn" {
                  description = "Secrets Manager secret or SSM SecureString parameter holding Grafana's admin password."
                  type        = string

                  validation {
                    condition     = can(regex("^arn:aws[a-z-]*:(secretsmanager|ssm):", var.grafana_admin_password_secret_arn))
                    error_message = "grafana_admin_password_secret_arn must be a Secrets Manager secret ARN or an SSM parameter ARN."
                  }
                }

                variable "grafana_oauth_client_id" {
                  description = "OAuth (generic OIDC, e.g. Cognito) client ID; empty keeps Grafana's own login only."
                  type        = string
                  default     = ""
                }

                variable "grafana_oauth_client_secret_arn" {
                  description = "Secrets Manager secret or SSM parameter holding the OAuth client secret (with grafana_oauth_client_id)."
                  type        = string
                  default     = ""

                  validation {
                    condition     = var.grafana_oauth_client_secret_arn == "" || can(regex("^arn:aws[a-z-]*:(secretsmanager|ssm):", var.grafana_oauth_client_secret_arn))
                    error_message = "grafana_oauth_client_secret_arn must be empty or a Secrets Manager secret / SSM parameter ARN."
                  }
                }

                variable "grafana_oauth_auth_url" {
                  description = "OAuth authorize endpoint (with grafana_oauth_client_id)."
                  type        = string
                  default     = ""
                }

                variable "grafana_oauth_token_url" {
                  description = "OAuth token endpoint (with grafana_oauth_client_id)."
                  type        = string
                  default     = ""
                }

                variable "grafana_oauth_api_url" {
                  description = "OAuth user info endpoint (with grafana_oauth_client_id)."
                  type        = string
                  default     = ""
                }

                variable "grafana_oauth_role_attribute_path" {
                  description = "JMESPath mapping OAuth claims to Grafana roles (Admin, Editor, Viewer)."
                  type        = string
                  default     = "contains(groups[*], 'grafana-admins') && 'Admin' || contains(groups[*], 'grafana-editors') && 'Editor' || 'Viewer'"
                }

                variable "kms_key_arn" {
                  description = "Customer managed KMS key for EFS, the backup vault, the config bucket, the secrets and the log groups (its key policy must let logs.<region>.amazonaws.com use it); null uses the AWS managed keys. Set it before the first apply: EFS is replaced when it changes."
                  type        = string
                  default     = null

                  validation {
                    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/", var.kms_key_arn))
                    error_message = "kms_key_arn must be null or a KMS key ARN."
                  }
                }

                variable "image_digests" {
                  description = "Pin images by digest (sha256:...), by name: prometheus, grafana, cloudwatch_exporter, alertmanager, config_loader, busybox. Unset names use the tag in main.tf."
                  type        = map(string)
                  default     = {}

                  validation {
                    condition     = alltrue([for k, v in var.image_digests : contains(["prometheus", "grafana", "cloudwatch_exporter", "alertmanager", "config_loader", "busybox"], k) && can(regex("^sha256:[0-9a-f]{64}$", v))])
                    error_message = "image_digests keys must name an image of main.tf and values must be sha256:<64 hex digits>."
                  }
                }

                variable "https_egress_cidrs" {
                  description = "Where the tasks may open HTTPS (443): AWS APIs, image registries, Slack, the OAuth provider. Narrow it to your VPC endpoints' and proxies' networks if the subnets have no internet route."
                  type        = list(string)
                  default     = ["0.0.0.0/0"]

                  validation {
                    condition     = length(var.https_egress_cidrs) > 0 && alltrue([for c in var.https_egress_cidrs : can(cidrnetmask(c))])
                    error_message = "https_egress_cidrs needs at least one IPv4 CIDR."
                  }
                }

                variable "log_retention_days" {
                  description = "Days CloudWatch Logs keeps the stack's logs (the scenario's %d days)."
                  type        = number
                  default     = %d

                  validation {
                    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
                    error_message = "log_retention_days must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
                  }
                }

                variable "tags" {
                  description = "Tags added to every resource."
                  type        = map(string)
                  default     = {}
                }
                """.formatted(m.region(), m.environment, m.environment, m.w.logs().retentionDays(), m.logRetentionDays));
        if (m.alertmanager != null) {
            b.append("""

                    variable "slack_webhook_secret_arn" {
                      description = "Secrets Manager secret or SSM SecureString parameter holding the Slack incoming-webhook URL."
                      type        = string

                      validation {
                        condition     = can(regex("^arn:aws[a-z-]*:(secretsmanager|ssm):", var.slack_webhook_secret_arn))
                        error_message = "slack_webhook_secret_arn must be a Secrets Manager secret ARN or an SSM parameter ARN."
                      }
                    }
                    """);
        }
        if (ecsApiDiscovery()) {
            b.append("""

                    variable "service_discovery" {
                      description = "How Prometheus finds each monitored service's tasks, by Cloud Map name (keys of local.scraped_services); unset names use cloud-map. cloud-map: register the ECS service in the monitoring namespace (output scrape_registry_arns). ecs-api: the Prometheus task lists the service's running tasks through the ECS API (for a service already registered in another namespace: an ECS service has one service registry)."
                      type        = map(string)
                      default     = {}

                      validation {
                        condition     = alltrue([for k, v in var.service_discovery : contains(["cloud-map", "ecs-api"], v)])
                        error_message = "service_discovery values must be cloud-map or ecs-api."
                      }
                    }

                    variable "ecs_service_names" {
                      description = "ECS service name of a monitored service discovered through the ECS API, by Cloud Map name, where it differs from the scenario's name."
                      type        = map(string)
                      default     = {}

                      validation {
                        condition     = alltrue([for k, v in var.ecs_service_names : can(regex("^[A-Za-z0-9_-]{1,255}$", v))])
                        error_message = "ecs_service_names values must be ECS service names (letters, digits, '-' and '_')."
                      }
                    }
                    """);
        }
        if (m.backend == StorageBackend.EBS) {
            Map<String, String> nulls = new java.util.LinkedHashMap<>();
            m.shards.forEach(s -> nulls.put(s.key(), null));
            String keys = Hcl.alignedMap(nulls, "    ");
            int width = m.shards.stream().mapToInt(s -> s.key().length()).max().orElse(0);
            String zeros = m.shards.stream().map(s -> "    " + s.key() + " ".repeat(width - s.key().length()) + " = 0").collect(Collectors.joining("\n"));
            b.append("""

                    variable "prometheus_restore_requests" {
                      description = "Per Prometheus server: raise the number to resolve that server's newest completed snapshot again and start its next volume from it (ebs.tf); apply replaces the task once."
                      type        = map(number)
                      default = {
                    %s
                      }
                    }

                    variable "prometheus_restore_snapshot_ids" {
                      description = "Per Prometheus server: a snapshot ID (snap-...) to create its next volume from instead of the newest one (ebs.tf); null uses the newest."
                      type        = map(string)
                      default = {
                    %s
                      }

                      validation {
                        condition     = alltrue([for k, v in var.prometheus_restore_snapshot_ids : v == null || can(regex("^snap-[0-9a-f]{8,17}$", v))])
                        error_message = "prometheus_restore_snapshot_ids values must be null or snapshot IDs (snap-...)."
                      }
                    }
                    """.formatted(zeros, keys));
        }
        return b.toString();
    }

    String outputs() {
        StringBuilder b = new StringBuilder(head("Outputs"));
        b.append("""
                output "grafana_url" {
                  description = "Where users open Grafana."
                  value       = "https://${var.grafana_domain_name}/"
                }

                output "alb_dns_name" {
                  description = "DNS name of the Grafana load balancer."
                  value       = aws_lb.grafana.dns_name
                }

                output "prometheus_security_group_id" {
                  description = "Allow this group on the services' metrics port if add_scrape_rules_to_service_security_groups is false."
                  value       = aws_security_group.prometheus.id
                }

                output "service_discovery_namespace" {
                  description = "Cloud Map namespace of the stack and the scraped services."
                  value       = aws_service_discovery_private_dns_namespace.monitoring.name
                }

                output "scrape_registry_arns" {
                  description = "Per monitored service discovered through Cloud Map: the Cloud Map service ARN to put in its ECS service's service_registries block."
                  value       = { for k, s in aws_service_discovery_service.scraped : k => s.arn##IF_CLOUD_MAP## }
                }

                output "config_bucket" {
                  description = "Bucket the tasks read configs/ and dashboards/ from."
                  value       = aws_s3_bucket.config.id
                }

                output "efs_file_system_id" {
                  description = "EFS file system of the stack's data."
                  value       = aws_efs_file_system.monitoring.id
                }
                """.replace("##IF_CLOUD_MAP##", ecsApiDiscovery() ? " if local.discovery[k] == \"cloud-map\"" : ""));
        if (ecsApiDiscovery()) {
            b.append("""

                    output "service_discovery" {
                      description = "How Prometheus finds each monitored service: cloud-map (Cloud Map DNS) or ecs-api (the ECS API, through the Prometheus task's sync sidecar)."
                      value       = local.discovery
                    }
                    """);
        }
        if (m.backend == StorageBackend.EBS) {
            b.append("""

                    output "prometheus_restore_snapshots" {
                      description = "Per Prometheus server: the snapshot its next volume starts from (null: empty). See ebs.tf."
                      value       = local.prometheus_restore_snapshot
                    }
                    """);
        }
        if (m.backend == StorageBackend.AMP_REMOTE_WRITE) {
            b.append("""

                    output "amp_workspace_endpoint" {
                      description = "Managed Prometheus query endpoint: Grafana's task gets it as AMP_QUERY_URL (SigV4 with its task role)."
                      value       = aws_prometheus_workspace.this.prometheus_endpoint
                    }

                    output "amp_workspace_id" {
                      description = "Managed Prometheus workspace ID."
                      value       = aws_prometheus_workspace.this.id
                    }

                    output "amp_retention_days" {
                      description = "Days the Managed Prometheus workspace keeps the data (the priced retention)."
                      value       = aws_prometheus_workspace_configuration.this.retention_period_in_days
                    }
                    """);
        }
        return b.toString();
    }

    String tfvars() {
        StringBuilder b = new StringBuilder();
        b.append("# Example inputs: copy to terraform.tfvars (or pass with -var-file) and replace every value.\n");
        b.append("# ").append(m.header()).append("\n\n");
        b.append("""
                aws_region          = "%s"
                environment         = "%s"
                vpc_id              = "vpc-0123456789abcdef0"
                private_subnet_ids  = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
                alb_subnet_ids      = ["subnet-0aaaaaaaaaaaaaaa0", "subnet-0bbbbbbbbbbbbbbb0"]
                ecs_cluster_arn     = "arn:aws:ecs:%s:123456789012:cluster/apps"
                allowed_cidrs       = ["203.0.113.0/24"]
                acm_certificate_arn = "arn:aws:acm:%s:123456789012:certificate/00000000-0000-0000-0000-000000000000"
                route53_zone_id     = "Z0123456789ABCDEFGHIJ"
                grafana_domain_name = "grafana.example.com"

                # Security groups of the monitored services (Prometheus scrapes port %d on them).
                service_security_group_ids = ["sg-0123456789abcdef0"]

                # Secrets: never put the values here, only where they are kept.
                grafana_admin_password_secret_arn = "arn:aws:secretsmanager:%s:123456789012:secret:monitoring/grafana-admin-AbCdEf"
                """.formatted(m.region(), m.environment, m.region(), m.region(), ExportModel.METRICS_PORT, m.region()));
        if (m.alertmanager != null) {
            b.append("slack_webhook_secret_arn          = \"arn:aws:secretsmanager:" + m.region()
                    + ":123456789012:secret:monitoring/slack-webhook-AbCdEf\"\n");
        }
        return b.toString();
    }
}
