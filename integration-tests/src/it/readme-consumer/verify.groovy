// What the README example printed against the sandbox, and what a user's build gets on its class path.
def target = new File(basedir, 'target')
def out = new File(target, 'example.out').getText('UTF-8')
def err = new File(target, 'example.err').getText('UTF-8')

// The example's own lines: campaigns, report progress, rows.
def campaigns = out.readLines().findAll { it =~ /^\d+ .*, daily budget .* RUB$/ }
def rows = out.readLines().findAll { it =~ /^\d+ \d{4}-\d{2}-\d{2} views=\d+ clicks=\d+ spend=/ }
assert campaigns.size() > 0: "no campaign lines in example.out:\n${out}\n${err}"
assert rows.size() > 0: "no report rows in example.out:\n${out}\n${err}"
assert err =~ /chunk 1\/\d+ /: "no progress lines on stderr:\n${err}"

// Dependencies: "group:artifact:type[:classifier]:version:scope", one a line.
def deps = new File(target, 'dependency-list.txt').readLines()
    .collect { it.trim() }
    .collect { (it =~ /^([^:\s]+):([^:\s]+):([^:\s]+)(?::[^:\s]+)?:([^:\s]+):(compile|runtime|test|provided|system)\b/) }
    .findAll { it.find() }
    .collect { [group: it.group(1), artifact: it.group(2), version: it.group(4), scope: it.group(5)] }
assert deps.any { it.artifact == 'ozon-performance-client' && it.scope == 'compile' }
assert deps.any { it.artifact == 'ozon-sandbox' && it.scope == 'test' }

def problems = []
deps.each { d ->
  def ga = "${d.group}:${d.artifact}:${d.version}:${d.scope}"
  if (d.artifact == 'logging-interceptor') problems << "logging-interceptor is on the class path: ${ga}"
  if (d.group.startsWith('org.junit') || d.group == 'junit' || d.group == 'org.opentest4j') problems << "JUnit: ${ga}"
  if (d.group.startsWith('com.fasterxml.jackson') || d.group.startsWith('tools.jackson')) problems << "Jackson: ${ga}"
  if (d.artifact.startsWith('mockwebserver') && d.scope != 'test') problems << "MockWebServer outside test scope: ${ga}"
}
assert problems.isEmpty(): problems.join('\n')

def main = deps.findAll { it.scope in ['compile', 'runtime'] }
println "readme-consumer: ${campaigns.size()} campaign lines, ${rows.size()} report rows; " +
    "${main.size()} compile/runtime dependencies, ${deps.size() - main.size()} test-only"
println new File(target, 'dependency-tree.txt').getText('UTF-8')
return true
