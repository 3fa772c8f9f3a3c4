/**
 * `synergy-pay/folder`: scenarios as folders of spreadsheet files, and strict reading of scenario
 * files — the Node helpers of the CLI, in their own entry point so that `import { allocate } from
 * 'synergy-pay'` never loads a CSV parser or `node:fs`.
 *
 * @packageDocumentation
 */
export { readScenarioFolder } from './readScenarioFolder.js';
export { readScenarioFolderAsync, readScenarioFolderRows, type ScenarioFolderRow } from './readScenarioFolderAsync.js';
export { writeScenarioFolder } from './writeScenarioFolder.js';
export { scenarioFolderLocation, scenarioFolderLocator } from './locations.js';
export { MAX_INPUT_BYTES, fileKind, readInputFile } from './files.js';
export { parseJsonBytes } from './strictJson.js';
