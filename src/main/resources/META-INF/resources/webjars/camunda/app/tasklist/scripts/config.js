/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // Yishi: the header and the page title say "议事 待办", the platform's own name, not "Camunda Tasklist".
  app: {
    name: '待办',
    vendor: '议事'
  },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // Yishi: Chinese (zh) for browsers whose primary language is Chinese, English otherwise.
  "locales": {
    "availableLocales": ["en", "zh"],
    "fallbackLocale": "en"
  },
  // Yishi, paths relative to app/tasklist/, without ".js":
  // - relative dates ("3 天前") in the translations' language, whichever locale file loads last;
  // - lists sorted by due date, earliest first, unless the user picks another order;
  // - Chinese placeholders ("搜索", "请选择") in Camunda Forms;
  // - the receipt (回执) after a case is registered through the start form, and the view 我登记的诉求;
  // - the tab 进展与回访 (progress notes on handling tasks, the reporter's contact on 回访);
  // - 积分管理 (points: residents, rules, shop items, redemptions, corrections);
  // - resident votes: the tab 选票 (printable ballot sheets) and the header entry 住户名册 (register upload);
  // - the tab 照片 (the case's photos, upload, release by reviewers), also offered on the receipt (添加照片);
  // - 议事机构: each deliberating body's place, fixed days and party model (4+N / 5+N);
  // - 院坝管理: the micro-grids and their 一长三员, for the township and the village/community;
  // - 代办事项清单: the proxy-service catalogue, maintained by the dispatch centre, read by streets and 代办员;
  // - 议事观察员: observers (couriers, riders, drivers) registered and withdrawn by the dispatch centre and streets;
  // - 完成 enabled on Camunda Forms with a dynamic list (form-js's empty error lists not counted as errors).
  customScripts: [
    'scripts/yishi-date-locale',
    'scripts/yishi-task-order',
    'scripts/yishi-form-placeholders',
    'scripts/yishi-intake-receipt',
    'scripts/yishi-task-panels',
    'scripts/yishi-points',
    'scripts/yishi-votes',
    'scripts/yishi-task-photos',
    'scripts/yishi-resource-list',
    'scripts/yishi-bodies',
    'scripts/yishi-microgrids',
    'scripts/yishi-proxy-services',
    'scripts/yishi-observers',
    'scripts/yishi-dynamic-lists'
  ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
