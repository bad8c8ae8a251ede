/*
 * Yishi: Tasklist's lists sorted by due date, earliest first, and the header saying so.
 *
 * Tasklist takes the list's order from the address (?sorting=[...]) and, without one, sorts by creation time, newest
 * first, whatever order the filter's own query has: its request's sorting overrides the filter's. Staff work by
 * deadline (the filters order by due date, see TasklistFilters), so whenever the task list is shown without an
 * order in the address, this script puts the due-date order there (replacing the history entry, so Back still works).
 * The header's sort choice reads the same parameter and shows 到期日期. A user who picks another order keeps it.
 *
 * config.js lists it in customScripts; Tasklist imports it as an ES module before it bootstraps 'cam.tasklist'.
 */
const angular = window.angular;
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

if (!angular) {
  console.warn('yishi-task-order: window.angular is missing; Tasklist sorts by creation time');
} else {
  angular.module('cam.tasklist').run(['$rootScope', '$location', function ($rootScope, $location) {
    function byDueDate() {
      const search = $location.search();
      if ($location.path() === '/' && !search.sorting) {
        $location.search('sorting', DUE_DATE_FIRST).replace();
      }
    }
    $rootScope.$on('$locationChangeStart', byDueDate);
    byDueDate();
  }]);
}
