# The textbook cutover (scenarios/textbook.yaml) given from the migration console alone.
# Replay it with: cutover console textbook --script scenarios/console/textbook.ps1
# Lines starting with # are comments; Wait-Time lets simulated time pass.

# Reduce email delays: lower the MX TTL to an hour before anything else.
Set-TwinMxRecord -ZoneName contoso.com -TimeToLive 01:00:00

# Step 1: prove you own the domain, wait for the record to be seen, verify.
Add-DnsServerResourceRecord -ZoneName contoso.com -Txt -Name '@' -DescriptiveText 'MS=ms00000000'
Wait-Time 20m
Confirm-MgDomain -DomainId contoso.com
Get-AcceptedDomain

# Step 2: connect to the on-premises server.
$Credentials = Get-Credential
Test-MigrationServerAvailability -ExchangeOutlookAnywhere -Autodiscover -EmailAddress administrator@contoso.com -Credentials $Credentials
New-MigrationEndpoint -ExchangeOutlookAnywhere -Name CutoverEndpoint -Autodiscover -EmailAddress administrator@contoso.com -Credentials $Credentials

# Steps 3 and 4: create the cutover batch and start it.
New-MigrationBatch -Name CutoverBatch -SourceEndpoint CutoverEndpoint -AutoStart
Wait-Time -Until Synced
Get-MigrationBatch -Identity CutoverBatch | Format-List Identity,Status,TotalCount,SyncedCount,FailedCount,InitialSyncDateTime

# Step 7 (done early, so no mailbox nears the end of its grace): license every migrated user.
Get-Mailbox -ResultSize Unlimited | Set-MgUserLicense -AddLicenses @{SkuId = 'ENTERPRISEPACK'} -RemoveLicenses @()

# Step 9, first half (before the switch): the welcome letter with each user's new password, and
# the old legacyExchangeDNs as X500 addresses so replies to migrated mail still resolve.
Send-TwinUserPassword
Add-TwinX500Address

# Step 5: a day after the initial sync, point the MX at Microsoft 365; Autodiscover with it.
Wait-Time 24h
Set-TwinMxRecord -ZoneName contoso.com -MailExchange contoso-com.mail.protection.outlook.com
Add-DnsServerResourceRecord -ZoneName contoso.com -CName -Name autodiscover -HostNameAlias autodiscover.outlook.com
Set-ClientAccessService -Identity EX01 -AutoDiscoverServiceInternalUri $null
# Step 9, second half: a new Outlook profile on every desk, now that Autodiscover finds the cloud.
Reset-TwinOutlookProfile
Resolve-DnsName contoso.com -Type MX -Server 0

# Step 6: wait 72 hours for every sender to see the new MX, then for a sync that starts after it.
Wait-Time 72h
Wait-Time -Until NextSync
Get-MigrationUser | Where-Object Status -ne Synced | Measure-Object
Remove-MigrationBatch -Identity CutoverBatch -Confirm:$false

# Post-migration: decommission the old server a day later, then let the scenario run out.
Wait-Time 1d
Remove-TwinOnPremServer
Wait-Time -Until End
