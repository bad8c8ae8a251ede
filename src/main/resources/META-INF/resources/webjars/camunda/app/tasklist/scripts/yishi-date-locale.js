/*
 * Yishi: Tasklist's dates ("3 天前", "1 天后", due dates) in the language of its translations.
 *
 * Tasklist hands moment.js the date words of every locale file it loads: zh.json (the browser's
 * language) and en.json (the fallback). Each of these calls (moment.defineLocale / updateLocale)
 * also makes that locale moment's global one, so whichever file arrives last wins: when en.json
 * comes after zh.json, relative dates are English under a Chinese interface. This script keeps
 * moment's global locale equal to the translation language in use, whenever either changes, and
 * tells angular-moment so that the dates already on the page are rendered again.
 *
 * config.js lists it in customScripts. Tasklist imports it as an ES module before it bootstraps its
 * AngularJS app, so it can add a run block to the app's module 'cam.tasklist'. The date words for
 * 'zh' come from zh.json's dateLocales (WebappLocaleTest keeps them complete).
 */
const angular = window.angular;

if (!angular) {
  console.warn('yishi-date-locale: window.angular is missing; Tasklist dates follow the last locale file loaded');
} else {
  angular.module('cam.tasklist').run(['$rootScope', '$injector', function ($rootScope, $injector) {
    if (!$injector.has('moment') || !$injector.has('$translate')) {
      console.warn('yishi-date-locale: moment or $translate is not available; dates are left as they are');
      return;
    }
    const moment = $injector.get('moment');
    const $translate = $injector.get('$translate');
    const amMoment = $injector.has('amMoment') ? $injector.get('amMoment') : null;

    // the language whose translations are in use; undefined until its file has loaded
    function language() {
      return $translate.use();
    }

    // Called whenever the language or moment's locale changed. Even when both now agree (zh.json
    // arrived last), dates rendered in the meantime are in the other language: render them again.
    function align() {
      const wanted = language();
      if (!wanted || moment.locales().indexOf(wanted) < 0) {
        return;
      }
      if (amMoment) {
        amMoment.changeLocale(wanted); // sets moment's locale and re-renders every am-time-ago
      } else {
        moment.locale(wanted);
      }
    }

    // checked on every digest (a cheap string); a locale file that arrives late is corrected at once
    $rootScope.$watch(function () {
      return (language() || '') + '|' + moment.locale();
    }, align);
  }]);
}
