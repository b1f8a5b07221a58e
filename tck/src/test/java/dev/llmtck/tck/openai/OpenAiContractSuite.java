package dev.llmtck.tck.openai;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The whole OpenAI contract against the embedded reference platform (no target configured), as surefire sees
 * it: every clause is one test in the report, and every one must pass.
 */
@Suite
@SuiteDisplayName("OpenAI contract on the embedded reference platform")
@SelectPackages("dev.llmtck.tck.openai")
@IncludeClassNamePatterns("dev\\.llmtck\\.tck\\.openai\\.[A-Za-z]+ContractTest")
@IncludeTags("openai")
public class OpenAiContractSuite {}
